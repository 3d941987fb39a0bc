/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import javax.xml.stream.XMLStreamException;

/**
 * Parses a libvirt network XML description ({@code virNetworkGetXMLDesc}) into a {@link
 * NetworkDescription}.
 */
public final class NetworkXml {

  private NetworkXml() {}

  /**
   * Parses one network description; thread-safe.
   *
   * @throws IllegalArgumentException ("invalid network XML: …") when the text is not a well-formed
   *     description
   */
  public static NetworkDescription parse(String xml) {
    return XmlCursor.parse(xml, "network", "network", NetworkXml::readNetwork);
  }

  private static NetworkDescription readNetwork(XmlCursor c) throws XMLStreamException {
    String bridge = "";
    String forwardMode = "isolated";
    while (c.nextChild()) {
      switch (c.name()) {
        case "bridge" -> bridge = c.attr("name");
        case "forward" -> {
          String mode = c.attr("mode");
          forwardMode = mode.isEmpty() ? "nat" : mode;
        }
        default -> {}
      }
      c.skip();
    }
    return new NetworkDescription(bridge, forwardMode);
  }
}
