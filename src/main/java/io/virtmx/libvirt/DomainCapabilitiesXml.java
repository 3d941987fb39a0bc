/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DomainCapabilities;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Parses {@code virConnectGetDomainCapabilities} XML: machine, domain type, maximum vCPUs and the
 * disk, graphics, host-device and firmware values a domain may use.
 */
public final class DomainCapabilitiesXml {
  private DomainCapabilitiesXml() {}

  /**
   * @throws IllegalArgumentException ("invalid domain capabilities XML: …") when it is not one
   */
  public static DomainCapabilities parse(String xml) {
    Element root = XmlTree.parse(xml, "domain capabilities", "domainCapabilities");
    Element devices = XmlTree.child(root, "devices");
    return new DomainCapabilities(
        XmlTree.text(root, "machine"),
        XmlTree.text(root, "domain"),
        (int) XmlTree.number(XmlTree.attr(XmlTree.child(root, "vcpu"), "max"), -1),
        values(XmlTree.child(devices, "disk"), "bus"),
        values(XmlTree.child(devices, "disk"), "diskDevice"),
        values(XmlTree.child(devices, "graphics"), "type"),
        values(XmlTree.child(devices, "hostdev"), "subsysType"),
        values(XmlTree.child(root, "os"), "firmware"));
  }

  /** The values of the {@code <enum name=…>} under {@code parent}, if it is supported. */
  private static List<String> values(Element parent, String enumName) {
    List<String> out = new ArrayList<>();
    if (parent == null || "no".equals(parent.getAttribute("supported"))) {
      return out;
    }
    for (Element e : XmlTree.children(parent, "enum")) {
      if (e.getAttribute("name").equals(enumName)) {
        for (Element v : XmlTree.children(e, "value")) {
          out.add(v.getTextContent().strip());
        }
      }
    }
    return out;
  }
}
