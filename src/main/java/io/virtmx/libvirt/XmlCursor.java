/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.io.StringReader;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Forward-only walk over one libvirt XML document through a shared, hardened StAX factory (no DTDs,
 * no entities).
 */
final class XmlCursor {

  /** Reads a document whose cursor stands on the root element. */
  @FunctionalInterface
  interface Body<T> {
    T read(XmlCursor cursor) throws XMLStreamException;
  }

  private static final XMLInputFactory FACTORY = hardenedFactory();
  /** Values up to this length are {@link #shared}. */
  static final int SHARED_MAX_LENGTH = 24;

  private final XMLStreamReader reader;

  private XmlCursor(XMLStreamReader reader) {
    this.reader = reader;
  }

  private static XMLInputFactory hardenedFactory() {
    // The JDK's own implementation, whatever StAX provider happens to be on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource not allowed: " + systemId);
        });
    return factory;
  }

  /**
   * Parses {@code xml}, checks its root is {@code <root>} and hands the cursor to {@code body}; any
   * failure becomes {@code IllegalArgumentException("invalid <kind> XML: …")}.
   */
  static <T> T parse(String xml, String kind, String root, Body<T> body) {
    Objects.requireNonNull(xml, "xml");
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(xml));
      XmlCursor cursor = new XmlCursor(reader);
      cursor.toRoot(root);
      T result = body.read(cursor);
      cursor.toEnd();
      return result;
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("invalid " + kind + " XML: " + describe(e), e);
    } finally {
      close(reader);
    }
  }

  private static void close(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Nothing to release for an in-memory document.
    }
  }

  private static String describe(XMLStreamException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replace('\n', ' ').trim();
  }

  private void toRoot(String root) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw fail("DOCTYPE is not allowed");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (!root.equals(reader.getLocalName())) {
          throw fail("root element is <" + reader.getLocalName() + ">, expected <" + root + ">");
        }
        return;
      }
    }
    throw fail("no root element");
  }

  /** Reads past the root element to the end, so trailing garbage is reported too. */
  private void toEnd() throws XMLStreamException {
    while (reader.hasNext()) {
      reader.next();
    }
  }

  /**
   * Advances to the next child element of the current element; false once the current element has
   * ended. Each child must be consumed ({@link #skip}, {@link #text} or its own loop) before the
   * next call.
   */
  boolean nextChild() throws XMLStreamException {
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw fail("unexpected end of document");
      }
      if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw entityReference();
      }
    }
  }

  /** Local name of the element the cursor stands on. */
  String name() {
    return reader.getLocalName();
  }

  /** The attribute's value on the current element, or "" when absent. */
  String attr(String name) {
    String value = reader.getAttributeValue(null, name);
    return value == null ? "" : shared(value);
  }

  /**
   * A short value as one string the whole agent shares: a definition's "virtio", "qcow2", "vda"
   * or "x86_64" is then held once, not once per domain and per parse. The JVM's string table holds
   * its strings weakly, so values nobody uses any more go away.
   */
  static String shared(String value) {
    return value.length() <= SHARED_MAX_LENGTH ? value.intern() : value;
  }

  /** Text content of the current (leaf) element, trimmed; leaves the cursor on its end tag. */
  String text() throws XMLStreamException {
    String element = reader.getLocalName();
    String text = "";
    StringBuilder joined = null;
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text.isEmpty()) {
            text = reader.getText();
          } else {
            joined = (joined == null ? new StringBuilder(text) : joined).append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return shared((joined == null ? text : joined.toString()).trim());
        }
        case XMLStreamConstants.START_ELEMENT ->
            throw fail("unexpected <" + reader.getLocalName() + "> in <" + element + ">");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
        case XMLStreamConstants.END_DOCUMENT -> throw fail("unexpected end of document");
        default -> {} // comments and processing instructions
      }
    }
  }

  /** Skips the current element and everything inside it. */
  void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw fail("unexpected end of document");
      }
    }
  }

  /** Text of the current element as a non-negative long; {@code what} names it in the error. */
  long longText(String what) throws XMLStreamException {
    return number(text(), what);
  }

  /** {@code text} as a non-negative long, else an error at the cursor naming {@code what}. */
  long number(String text, String what) throws XMLStreamException {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw fail(what + " is not a non-negative integer: '" + text + "'");
  }

  /** {@code text} as a non-negative int, else an error at the cursor naming {@code what}. */
  int count(String text, String what) throws XMLStreamException {
    long value = number(text, what);
    if (value > Integer.MAX_VALUE) {
      throw fail(what + " is too large: " + value);
    }
    return (int) value;
  }

  private XMLStreamException entityReference() {
    return fail("entity reference &" + reader.getLocalName() + "; is not allowed");
  }

  /** An error at the cursor's position. */
  XMLStreamException fail(String message) {
    Location at = reader.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
    return new XMLStreamException(message + where);
  }
}
