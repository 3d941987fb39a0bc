#!/bin/sh
# Writes virtmx-<PREFIX>.mof and virtmx-jobs-<PREFIX>.mof for each hypervisor prefix from the two templates.
cd "$(dirname "$0")" || exit 1
gen() {
  sed -e "s/@P@/$1/g" -e "s|@WHAT@|$2|g" virtmx-classes.mof.in > "virtmx-$1.mof"
  sed -e "s/@P@/$1/g" -e "s|@WHAT@|$2|g" virtmx-jobs.mof.in > "virtmx-jobs-$1.mof"
}
gen KVM "QEMU/KVM"
gen LXC "LXC containers"
gen Xen "Xen"
gen Libvirt "other libvirt drivers, e.g. the test driver"
