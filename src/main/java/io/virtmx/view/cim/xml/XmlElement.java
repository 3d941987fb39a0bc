/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One element of a parsed CIM-XML request: name, attributes, child elements and its text. */
public final class XmlElement {
  private final String name;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<XmlElement> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  XmlElement(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public String attr(String attribute) {
    return attributes.get(attribute);
  }

  public List<XmlElement> children() {
    return children;
  }

  /** The first child of that name, or null. */
  public XmlElement child(String childName) {
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  public List<XmlElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  public String text() {
    return text.toString();
  }

  Map<String, String> attributes() {
    return attributes;
  }

  StringBuilder textBuffer() {
    return text;
  }
}
