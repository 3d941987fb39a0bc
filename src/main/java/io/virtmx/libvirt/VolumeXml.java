/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import javax.xml.stream.XMLStreamException;

/**
 * Parses a libvirt volume XML description ({@code virStorageVolGetXMLDesc}) into a {@link
 * VolumeDescription}.
 */
public final class VolumeXml {

  private VolumeXml() {}

  /**
   * Parses one volume description; thread-safe.
   *
   * @throws IllegalArgumentException ("invalid volume XML: …") when the text is not a well-formed
   *     volume description
   */
  public static VolumeDescription parse(String xml) {
    return XmlCursor.parse(xml, "volume", "volume", VolumeXml::readVolume);
  }

  private static VolumeDescription readVolume(XmlCursor c) throws XMLStreamException {
    String type = c.attr("type");
    VolumeDescription volume = new VolumeDescription(type, "", "");
    while (c.nextChild()) {
      if (c.name().equals("target")) {
        volume = readTarget(c, type);
      } else {
        c.skip(); // including <backingStore>, whose path and format are another volume's
      }
    }
    return volume;
  }

  private static VolumeDescription readTarget(XmlCursor c, String type) throws XMLStreamException {
    String path = "";
    String format = "";
    while (c.nextChild()) {
      switch (c.name()) {
        case "path" -> path = c.text();
        case "format" -> {
          format = c.attr("type");
          c.skip();
        }
        default -> c.skip();
      }
    }
    return new VolumeDescription(type, path, format);
  }
}
