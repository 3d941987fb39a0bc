/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * A domain device other than disks and interfaces, from its definition: {@code kind} is graphics,
 * video, input, controller, console or hostdev. Fields a kind does not have are "" or -1:
 *
 * <pre>
 * graphics   type vnc|spice|…, port (-1 until assigned), listen address
 * video      model vga|virtio|qxl|cirrus…, index (order in the definition)
 * input      type mouse|tablet|keyboard, bus ps2|usb|virtio
 * controller type pci|usb|sata|virtio-serial|…, model, index
 * console    type pty|file|…, bus = target type serial|virtio, index = target port
 * hostdev    type pci|usb|scsi|mdev (subsystem mode), address = a PCI source's host address
 *            0000:03:00.0
 * </pre>
 */
public record DeviceInfo(
    String kind,
    String type,
    String bus,
    String model,
    int index,
    int port,
    String listen,
    String address) {

  /** A device without a host address. */
  public DeviceInfo(
      String kind, String type, String bus, String model, int index, int port, String listen) {
    this(kind, type, bus, model, index, port, listen, "");
  }

  /** The host PCI address this device passes through, "" unless it is a PCI hostdev. */
  public String pciHostAddress() {
    return "hostdev".equals(kind) && "pci".equals(type) ? address : "";
  }
}
