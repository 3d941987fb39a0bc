/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * A device libvirt's node-device driver knows: its name and parent (as {@code virsh nodedev-list
 * --tree} draws them), capability types (pci, usb_device, net, storage…), kernel driver, vendor and
 * product (ids and names, "" if none), its PCI function (or {@link PciFunction#NONE}), the network
 * interface and link of a net device, and the block device and size in bytes (-1) of a storage one.
 */
public record NodeDevice(
    String name,
    String parent,
    List<String> capabilities,
    String driver,
    String vendorId,
    String vendor,
    String productId,
    String product,
    PciFunction pci,
    HostInterface link,
    String block,
    long sizeBytes) {

  /** The link of a device that is no network interface. */
  public static final HostInterface NO_LINK = new HostInterface("", "", "", false, "", -1);

  public NodeDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    capabilities = List.copyOf(capabilities);
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(vendorId, "vendorId");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(pci, "pci");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(block, "block");
  }

  /** The same device with {@code value} as its PCI function. */
  public NodeDevice withPci(PciFunction value) {
    return new NodeDevice(
        name, parent, capabilities, driver, vendorId, vendor, productId, product, value, link, block,
        sizeBytes);
  }

  /** The first capability type, e.g. "pci": what kind of device it is. */
  public String type() {
    return capabilities.isEmpty() ? "" : capabilities.get(0);
  }
}
