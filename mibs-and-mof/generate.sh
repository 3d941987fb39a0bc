#!/bin/sh
# Writes virtmx-<PREFIX>.mof for each hypervisor prefix from virtmx-classes.mof.in.
cd "$(dirname "$0")" || exit 1
gen() {
  sed -e "s/@P@/$1/g" -e "s|@WHAT@|$2|g" virtmx-classes.mof.in > "virtmx-$1.mof"
}
gen KVM "QEMU/KVM"
gen LXC "LXC containers"
gen Xen "Xen"
gen Libvirt "other libvirt drivers, e.g. the test driver"
