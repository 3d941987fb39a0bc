/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.HostInterface;
import io.virtmx.model.MdevType;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.PciFunction;
import io.virtmx.model.Values;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Parses a node device's XML ({@code virNodeDeviceGetXMLDesc}) into a {@link NodeDevice}: PCI
 * functions with IOMMU group, SR-IOV and mediated-device types, USB ids, net links and storage
 * sizes. Also reads the link of a host interface's XML.
 */
public final class NodeDeviceXml {
  /** libvirt's link speed when the kernel does not know it (UINT_MAX Mbit/s). */
  private static final long SPEED_UNKNOWN = 4294967295L;

  private NodeDeviceXml() {}

  /**
   * @throws IllegalArgumentException ("invalid node device XML: …") when it is not one
   */
  public static NodeDevice parse(String xml) {
    Element root = XmlTree.parse(xml, "node device", "device");
    List<Element> caps = XmlTree.children(root, "capability");
    List<String> types = new ArrayList<>();
    for (Element c : caps) {
      types.add(c.getAttribute("type"));
    }
    Element cap = caps.isEmpty() ? null : caps.get(0);
    Element vendor = XmlTree.child(cap, "vendor");
    Element product = XmlTree.child(cap, "product");
    String type = types.isEmpty() ? "" : types.get(0);
    return new NodeDevice(
        XmlTree.text(root, "name"),
        XmlTree.text(root, "parent"),
        types,
        XmlTree.text(XmlTree.child(root, "driver"), "name"),
        XmlTree.attr(vendor, "id"),
        type.equals("storage") ? "" : text(vendor),
        XmlTree.attr(product, "id"),
        text(product),
        type.equals("pci") ? pci(cap) : PciFunction.NONE,
        type.equals("net") ? link(cap, XmlTree.text(cap, "interface")) : NodeDevice.NO_LINK,
        type.equals("storage") ? XmlTree.text(cap, "block") : "",
        type.equals("storage") ? XmlTree.number(XmlTree.text(cap, "size"), -1) : Values.UNKNOWN);
  }

  /** The link state and speed of a host interface's or net device's XML element. */
  static HostInterface link(Element e, String name) {
    Element link = XmlTree.child(e, "link");
    long mbps = XmlTree.number(XmlTree.attr(link, "speed"), -1);
    String mac = XmlTree.text(e, "address");
    if (mac.isEmpty()) {
      mac = XmlTree.attr(XmlTree.child(e, "mac"), "address");
    }
    return new HostInterface(
        name,
        mac,
        e.getAttribute("type"),
        false,
        XmlTree.attr(link, "state"),
        mbps < 0 || mbps == SPEED_UNKNOWN ? Values.UNKNOWN : mbps * 1_000_000 / 8);
  }

  /** A host interface from its list entry and XML ({@code virInterfaceGetXMLDesc}). */
  public static HostInterface hostInterface(String name, String mac, boolean active, String xml) {
    HostInterface parsed = link(XmlTree.parse(xml, "interface", "interface"), name);
    return new HostInterface(
        name,
        mac.isEmpty() ? parsed.mac() : mac,
        parsed.type(),
        active,
        parsed.linkState(),
        parsed.speedBytesPerSecond());
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().strip();
  }

  private static PciFunction pci(Element cap) {
    String pf = "";
    List<String> vfs = new ArrayList<>();
    List<MdevType> mdevs = new ArrayList<>();
    for (Element sub : XmlTree.children(cap, "capability")) {
      switch (sub.getAttribute("type")) {
        case "phys_function" -> pf = address(XmlTree.child(sub, "address"));
        case "virt_functions" -> {
          for (Element a : XmlTree.children(sub, "address")) {
            vfs.add(address(a));
          }
        }
        case "mdev_types" -> {
          for (Element t : XmlTree.children(sub, "type")) {
            mdevs.add(
                new MdevType(
                    t.getAttribute("id"),
                    XmlTree.text(t, "name"),
                    XmlTree.number(XmlTree.text(t, "available_instances"), -1)));
          }
        }
        default -> {}
      }
    }
    return new PciFunction(
        address(cap),
        XmlTree.text(cap, "class"),
        (int) XmlTree.number(XmlTree.attr(XmlTree.child(cap, "iommuGroup"), "number"), -1),
        pf,
        vfs,
        mdevs);
  }

  /** "0000:00:03.0" from domain/bus/slot/function given as elements or as attributes. */
  private static String address(Element e) {
    if (e == null) {
      return "";
    }
    long[] parts = new long[4];
    String[] names = {"domain", "bus", "slot", "function"};
    for (int i = 0; i < 4; i++) {
      String v = e.hasAttribute(names[i]) ? e.getAttribute(names[i]) : XmlTree.text(e, names[i]);
      parts[i] = XmlTree.number(v, 0);
    }
    return String.format("%04x:%02x:%02x.%x", parts[0], parts[1], parts[2], parts[3]);
  }
}
