/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import javax.xml.stream.XMLStreamException;

/**
 * Parses a libvirt storage pool XML description ({@code virStoragePoolGetXMLDesc}) into a {@link
 * PoolDescription}.
 */
public final class PoolXml {

  private PoolXml() {}

  /**
   * Parses one pool description; thread-safe.
   *
   * @throws IllegalArgumentException ("invalid pool XML: …") when the text is not a well-formed
   *     pool description
   */
  public static PoolDescription parse(String xml) {
    return XmlCursor.parse(xml, "pool", "pool", PoolXml::readPool);
  }

  private static PoolDescription readPool(XmlCursor c) throws XMLStreamException {
    String type = c.attr("type");
    String path = "";
    while (c.nextChild()) {
      if (c.name().equals("target")) {
        path = targetPath(c);
      } else {
        c.skip();
      }
    }
    return new PoolDescription(type, path);
  }

  /** The {@code <path>} inside the {@code <target>} the cursor stands on. */
  private static String targetPath(XmlCursor c) throws XMLStreamException {
    String path = "";
    while (c.nextChild()) {
      if (c.name().equals("path")) {
        path = c.text();
      } else {
        c.skip();
      }
    }
    return path;
  }
}
