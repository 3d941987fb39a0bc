/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A small read-only view of a libvirt XML document as a tree, for the nested descriptions
 * (capabilities, node devices) that are easier to walk than to stream; DTDs and external entities
 * are refused.
 */
final class XmlTree {
  private static final DocumentBuilderFactory FACTORY = hardened();

  private XmlTree() {}

  private static DocumentBuilderFactory hardened() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }

  /**
   * The root element, which must be named {@code root}.
   *
   * @throws IllegalArgumentException ("invalid {kind} XML: …") otherwise
   */
  static Element parse(String xml, String kind, String root) {
    try {
      Element e =
          FACTORY
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(xml)))
              .getDocumentElement();
      if (!e.getTagName().equals(root)) {
        throw new IllegalArgumentException(
            "invalid " + kind + " XML: root is <" + e.getTagName() + ">, not <" + root + ">");
      }
      return e;
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new IllegalArgumentException("invalid " + kind + " XML: " + e.getMessage(), e);
    }
  }

  /** The child elements of that name, in document order. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first child element of that name, or null. */
  static Element child(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  /** The element at this path of child names, or null. */
  static Element path(Element from, String... names) {
    Element e = from;
    for (String n : names) {
      e = child(e, n);
      if (e == null) {
        return null;
      }
    }
    return e;
  }

  /** The trimmed text of the child of that name, "" if absent. */
  static String text(Element parent, String name) {
    Element c = child(parent, name);
    return c == null ? "" : c.getTextContent().strip();
  }

  /** The attribute, "" if absent or if the element is null. */
  static String attr(Element e, String name) {
    return e == null ? "" : e.getAttribute(name);
  }

  /** A decimal or 0x-hex number, or {@code absent} when empty or malformed. */
  static long number(String text, long absent) {
    try {
      String t = text.strip();
      if (t.startsWith("0x")) {
        return Long.parseLong(t.substring(2), 16);
      }
      return t.isEmpty() ? absent : Long.parseLong(t);
    } catch (NumberFormatException e) {
      return absent;
    }
  }

  /** A size in the given libvirt unit (KiB unless said otherwise) as bytes. */
  static long bytes(long value, String unit) {
    if (value < 0) {
      return value;
    }
    return switch (unit.isEmpty() ? "KiB" : unit) {
      case "b", "bytes" -> value;
      case "MiB", "M" -> value * 1024 * 1024;
      case "GiB", "G" -> value * 1024 * 1024 * 1024;
      default -> value * 1024;
    };
  }
}
