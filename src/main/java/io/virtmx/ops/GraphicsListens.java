/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Whether a caller's {@code <graphics>} would open a display without a password to more than this
 * host, as a pure function, e.g. {@code <graphics type='vnc' listen='0.0.0.0'> listens beyond
 * loopback without a passwd …}: a VNC or SPICE display listening on any address but 127.0.0.1, ::1 or
 * localhost (an attribute, a {@code <listen type='address'>} or a {@code <listen type='network'>})
 * must carry a {@code passwd}. No listen at all is libvirt's {@code vnc_listen}, loopback by default.
 */
final class GraphicsListens {
  static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");
  private static final Set<String> NETWORK_DISPLAYS = Set.of("vnc", "spice");

  private GraphicsListens() {}

  /** Why {@code graphics} is refused, or null when it is allowed. */
  static String refusal(Element graphics) {
    String type = graphics.getAttribute("type");
    if (!NETWORK_DISPLAYS.contains(type) || !graphics.getAttribute("passwd").isEmpty()) {
      return null;
    }
    String open = null;
    if (graphics.hasAttribute("listen") && !LOOPBACK.contains(graphics.getAttribute("listen"))) {
      open = "listen='" + graphics.getAttribute("listen") + "'";
    }
    for (Node n = graphics.getFirstChild(); n != null && open == null; n = n.getNextSibling()) {
      if (n instanceof Element listen && listen.getTagName().equals("listen")) {
        open = openListen(listen);
      }
    }
    return open == null
        ? null
        : "<graphics type='"
            + type
            + "'> with "
            + open
            + " listens beyond loopback without a passwd: add passwd='…' or listen on 127.0.0.1,"
            + " ::1 or localhost";
  }

  /** What a {@code <listen>} opens beyond loopback, or null. */
  private static String openListen(Element listen) {
    String type = listen.getAttribute("type");
    if (type.equals("network")) {
      return "<listen type='network'>";
    }
    if (listen.hasAttribute("address") && !LOOPBACK.contains(listen.getAttribute("address"))) {
      return "<listen address='" + listen.getAttribute("address") + "'>";
    }
    return null;
  }
}
