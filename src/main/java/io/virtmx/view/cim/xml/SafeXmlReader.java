/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.CimException;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a CIM-XML request body into a small element tree, hardened: a DOCTYPE (and with it any
 * entity declaration, external or not) is refused, entity references are not resolved, and element
 * depth, element count and text size are bounded. Anything else is a {@link CimException} the
 * server answers with 400.
 */
public final class SafeXmlReader {
  public static final int MAX_DEPTH = 32;
  public static final int MAX_ELEMENTS = 100_000;
  public static final int MAX_TEXT = 1 << 20;

  private static final XMLInputFactory FACTORY = factory();

  private SafeXmlReader() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver(
        (publicId, systemId, base, ns) -> {
          throw new XMLStreamException("external resources are not allowed");
        });
    return f;
  }

  /** The document element of {@code body}; a malformed or unsafe document is a CimException. */
  public static XmlElement parse(byte[] body) {
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        return read(r);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "malformed XML: " + firstLine(e.getMessage()));
    }
  }

  private static XmlElement read(XMLStreamReader r) throws XMLStreamException {
    Deque<XmlElement> stack = new ArrayDeque<>();
    XmlElement root = null;
    int elements = 0;
    long text = 0;
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.DTD -> throw refused("a DOCTYPE is not allowed");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw refused("entity reference &" + r.getLocalName() + "; is not allowed");
        case XMLStreamConstants.START_ELEMENT -> {
          if (++elements > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
            throw refused("document too large or too deeply nested");
          }
          XmlElement e = new XmlElement(r.getLocalName());
          for (int i = 0; i < r.getAttributeCount(); i++) {
            e.attributes().put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          if (stack.isEmpty()) {
            root = e;
          } else {
            stack.peek().children().add(e);
          }
          stack.push(e);
        }
        case XMLStreamConstants.END_ELEMENT -> stack.pop();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          text += r.getTextLength();
          if (text > MAX_TEXT) {
            throw refused("too much text");
          }
          if (!stack.isEmpty()) {
            stack
                .peek()
                .textBuffer()
                .append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          }
        }
        default -> {}
      }
    }
    if (root == null) {
      throw refused("empty document");
    }
    return root;
  }

  private static CimException refused(String why) {
    return new CimException(CimException.INVALID_PARAMETER, "request refused: " + why);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    String m = message.strip();
    int nl = m.lastIndexOf('\n');
    return nl >= 0 ? m.substring(nl + 1).strip() : m;
  }
}
