/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;

import io.virtmx.model.Descriptions;
import io.virtmx.model.HostInterface;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.MdevType;
import io.virtmx.model.NetworkFilters;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.NodeResources;
import io.virtmx.model.PciFunction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Host interfaces, node devices, network filters and secrets: {@code
 * libvirt_node_device_info{device="pci_0000_00_03_0",parent="computer",capability="pci",…} 1}.
 */
final class NodeDeviceMetrics implements SnapshotBinder {
  static final Family IFACE = info("libvirt_node_interface", Descriptions.HOST_INTERFACE + ".");
  static final Family IFACE_ACTIVE =
      gauge("libvirt_node_interface_active", null, Descriptions.HOST_INTERFACE_ACTIVE + ".");
  static final Family IFACE_LINK_UP =
      gauge("libvirt_node_interface_link_up", null, Descriptions.HOST_INTERFACE_LINK_UP + ".");
  static final Family IFACE_SPEED =
      gauge(
          "libvirt_node_interface_speed_bytes",
          "bytes",
          Descriptions.HOST_INTERFACE_SPEED + ", in bytes per second.");
  static final Family DEVICE = info("libvirt_node_device", Descriptions.NODE_DEVICE + ".");
  static final Family DEVICES = gauge("libvirt_node_devices", null, Descriptions.NODE_DEVICES + ".");
  static final Family PCI = info("libvirt_node_device_pci", Descriptions.NODE_DEVICE_PCI + ".");
  static final Family VFS =
      gauge("libvirt_node_device_pci_virtual_functions", null, Descriptions.NODE_DEVICE_VFS + ".");
  static final Family MDEV =
      gauge(
          "libvirt_node_device_mdev_available_instances",
          null,
          Descriptions.NODE_DEVICE_MDEV_AVAILABLE + ".");
  static final Family STORAGE_SIZE =
      gauge(
          "libvirt_node_device_storage_size_bytes",
          "bytes",
          Descriptions.NODE_DEVICE_STORAGE_SIZE + ", in bytes.");
  static final Family NWFILTER = info("libvirt_node_nwfilter", Descriptions.NWFILTER + ".");
  static final Family BINDING =
      info("libvirt_node_nwfilter_binding", Descriptions.NWFILTER_BINDING + ".");
  static final Family SECRETS = gauge("libvirt_node_secrets", null, Descriptions.SECRETS + ".");

  @Override
  public List<Family> families() {
    return List.of(
        IFACE, IFACE_ACTIVE, IFACE_LINK_UP, IFACE_SPEED, DEVICE, DEVICES, PCI, VFS, MDEV,
        STORAGE_SIZE, NWFILTER, BINDING, SECRETS);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    NodeResources r = host.resources();
    for (HostInterface i : r.interfaces()) {
      var labels = out.labels("interface", i.name());
      out.info(IFACE, out.labels("interface", i.name(), "mac", i.mac(), "type", i.type()));
      out.value(IFACE_ACTIVE, labels, i.active() ? 1 : 0);
      if (!i.linkState().isEmpty()) {
        out.value(IFACE_LINK_UP, labels, i.linkState().equals("up") ? 1 : 0);
      }
      out.reported(IFACE_SPEED, labels, i.speedBytesPerSecond(), 1);
    }
    Map<String, Integer> byType = new TreeMap<>();
    for (NodeDevice d : r.devices()) {
      byType.merge(d.type(), 1, Integer::sum);
      bindDevice(d, out);
    }
    byType.forEach((type, n) -> out.value(DEVICES, out.labels("capability", type), n));
    for (NetworkFilters.Filter f : r.filters().filters()) {
      out.info(NWFILTER, out.labels("nwfilter", f.name(), "uuid", f.uuid()));
    }
    for (NetworkFilters.Binding b : r.filters().bindings()) {
      out.info(
          BINDING,
          out.labels("port_device", b.portDevice(), "nwfilter", b.filter(), "domain", b.ownerDomain()));
    }
    r.secretsByUsage().forEach((usage, n) -> out.value(SECRETS, out.labels("usage_type", usage), n));
  }

  private static void bindDevice(NodeDevice d, SeriesBuffer out) {
    out.info(
        DEVICE,
        out.labels(
            "device", d.name(),
            "parent", d.parent(),
            "capability", d.type(),
            "driver", d.driver(),
            "vendor_id", d.vendorId(),
            "vendor", d.vendor(),
            "product_id", d.productId(),
            "product", d.product()));
    PciFunction pci = d.pci();
    if (!pci.equals(PciFunction.NONE)) {
      out.info(
          PCI,
          out.labels(
              "device", d.name(),
              "address", pci.address(),
              "class", pci.pciClass(),
              "iommu_group", pci.iommuGroup() < 0 ? "" : Integer.toString(pci.iommuGroup()),
              "physical_function", pci.physicalFunction(),
              "used_by", pci.usedBy()));
      out.value(VFS, out.labels("device", d.name()), pci.virtualFunctions().size());
      for (MdevType t : pci.mdevTypes()) {
        out.reported(
            MDEV,
            out.labels("device", d.name(), "mdev_type", t.id(), "name", t.name()),
            t.availableInstances(),
            1);
      }
    }
    if (d.sizeBytes() >= 0) {
      out.value(STORAGE_SIZE, out.labels("device", d.name(), "block", d.block()), d.sizeBytes());
    }
  }
}
