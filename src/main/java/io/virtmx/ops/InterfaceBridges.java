/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The host bridges guest interfaces name ({@code <interface type='bridge'><source bridge='br0'/>}),
 * which {@link NetworkPlacement#checkInterfaceBridges} admits only when a libvirt network made them.
 */
final class InterfaceBridges {
  private InterfaceBridges() {}

  /** Whether {@code e} is an interface plugged straight into a host bridge. */
  static boolean isBridgeInterface(Element e) {
    return e.getTagName().equals("interface") && e.getAttribute("type").equals("bridge");
  }

  /** The bridge of a bridge interface's {@code <source>}, "" when it names none. */
  static String bridge(Element bridgeInterface) {
    for (Node n = bridgeInterface.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && child.getTagName().equals("source")) {
        return child.getAttribute("bridge");
      }
    }
    return "";
  }

  /** The bridge a device's XML plugs into: one for a bridge interface, none for other devices. */
  static List<String> ofDevice(String deviceXml) {
    Element root;
    try {
      root = NetworkPlacement.parse(deviceXml);
    } catch (IllegalStateException unreadable) {
      return List.of(); // refused by the device XML checks already
    }
    return isBridgeInterface(root) ? List.of(bridge(root)) : List.of();
  }
}
