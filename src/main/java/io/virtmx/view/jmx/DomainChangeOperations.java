/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static javax.management.MBeanOperationInfo.ACTION;
import static javax.management.MBeanOperationInfo.INFO;

/**
 * The Domain MBean's hot-plug and save/restore operations (part of {@link DomainMXBean}): attach
 * and detach disks, interfaces and any device, change media, vCPUs and memory, save to a file in a
 * --save-dir and restore from it, arm a disk's write threshold. Each {@code affect} is current (or empty), live, config or
 * live+config.
 */
public interface DomainChangeOperations {
  String AFFECT =
      "Which definition to change: current (or empty: live if running, else config), live, config, "
          + "live+config";

  @Doc(
      value =
          "Attaches a disk from a file inside a --disk-dir or a pool volume; appears as a DomainDisk "
              + "MBean and in /metrics as soon as libvirt reports it",
      impact = ACTION)
  void attachDisk(
      @Param(
              name = "source",
              value = "Absolute path of an image file inside a --disk-dir, or POOL/VOLUME")
          String source,
      @Param(name = "target", value = "Device name in the guest, e.g. vdb, sdc") String target,
      @Param(name = "bus", value = "virtio, scsi, sata, ide or usb; empty for the target's usual")
          String bus,
      @Param(name = "format", value = "Image format: raw (or empty) or qcow2") String format,
      @Param(name = "readOnly", value = "true to attach it read-only") boolean readOnly,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(value = "Detaches the disk with this target", impact = ACTION)
  void detachDisk(
      @Param(name = "target", value = "Device name in the guest, e.g. vdb") String target,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(
      value =
          "Attaches a network interface on a libvirt network or host bridge; returns its MAC address",
      impact = ACTION)
  String attachInterface(
      @Param(name = "type", value = "network (a libvirt network) or bridge (a host bridge)")
          String type,
      @Param(name = "source", value = "Name of the network or bridge") String source,
      @Param(name = "model", value = "NIC model, e.g. virtio (or empty), e1000") String model,
      @Param(name = "mac", value = "MAC address, e.g. 52:54:00:12:34:56; empty for a random one")
          String mac,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(value = "Detaches the network interface with this MAC address", impact = ACTION)
  void detachInterface(
      @Param(name = "mac", value = "MAC address of the interface") String mac,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(
      value =
          "Attaches any device from its libvirt XML; every file it names must be inside a --disk-dir",
      impact = ACTION)
  void attachDevice(
      @Param(name = "xml", value = "The device's libvirt XML, e.g. <disk …>…</disk>") String xml,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(value = "Detaches the device its libvirt XML describes", impact = ACTION)
  void detachDevice(
      @Param(name = "xml", value = "The device's libvirt XML") String xml,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(value = "Changes a device in place from its libvirt XML (virsh update-device)", impact = ACTION)
  void updateDevice(
      @Param(name = "xml", value = "The device's new libvirt XML") String xml,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(value = "Puts a medium into a CD-ROM or floppy drive, or ejects it", impact = ACTION)
  void changeMedia(
      @Param(name = "target", value = "The drive's device name, e.g. hdc, sda") String target,
      @Param(name = "source", value = "Image file inside a --disk-dir; empty to eject") String source,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(value = "Sets the number of vCPUs of the running domain and/or its definition", impact = ACTION)
  void changeVcpus(
      @Param(name = "count", value = "New vCPU count") int count,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(
      value = "Sets the current memory (balloon target) of the running domain and/or its definition",
      impact = ACTION)
  void changeMemory(
      @Param(name = "kib", value = "New current memory", units = "KiB") long kib,
      @Param(name = "affect", value = AFFECT) String affect);

  @Doc(
      value =
          "Saves the domain's memory to a file inside a --save-dir and stops it; restore starts it again",
      impact = ACTION)
  void save(@Param(name = "path", value = "Absolute path of the image file") String path);

  @Doc(value = "Starts the domain again from an image saved by save", impact = ACTION)
  void restore(
      @Param(name = "path", value = "Absolute path of the image file inside a --save-dir")
          String path,
      @Param(name = "paused", value = "true to leave it paused, false for the state it was saved in") boolean paused);

  @Doc(
      value =
          "Arms a disk's write threshold: when the disk's write high-water mark passes it, the "
              + "libvirt.domain.warning.block-threshold notification is sent and libvirt clears it",
      impact = ACTION)
  void setBlockThreshold(
      @Param(name = "disk", value = "The disk's target, e.g. vdb, or vdb[1] for a backing image")
          String disk,
      @Param(name = "bytes", value = "Threshold; 0 disarms it", units = "bytes") long bytes);

  @Doc(value = "The files in the --save-dir directories, images restore may use", impact = INFO)
  String[] listSavedImages();
}
