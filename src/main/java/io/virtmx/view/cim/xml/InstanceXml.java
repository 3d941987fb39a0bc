/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.CimException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of an INSTANCE element a client sends (CreateInstance's NewInstance): name to text
 * value (null when it has none) or, for PROPERTY.REFERENCE, the referenced path.
 */
public final class InstanceXml {
  private InstanceXml() {}

  /** {@code value} is a parameter value as {@link CimRequest#param} returns it. */
  public static String className(Object value) {
    return element(value).attr("CLASSNAME");
  }

  public static Map<String, Object> properties(Object value) {
    XmlElement inst = element(value);
    Map<String, Object> out = new LinkedHashMap<>();
    for (XmlElement p : inst.children()) {
      String name = p.attr("NAME");
      if (name == null) {
        continue;
      }
      switch (p.name()) {
        case "PROPERTY" -> {
          XmlElement v = p.child("VALUE");
          out.put(name, v == null ? null : v.text());
        }
        case "PROPERTY.REFERENCE" -> {
          XmlElement v = p.child("VALUE.REFERENCE");
          out.put(name, v == null ? null : RequestParser.reference(v));
        }
        default -> {
          // arrays are not used by the indication classes
        }
      }
    }
    return out;
  }

  private static XmlElement element(Object value) {
    if (value instanceof XmlElement e && e.name().equals("INSTANCE") && e.attr("CLASSNAME") != null) {
      return e;
    }
    throw new CimException(CimException.INVALID_PARAMETER, "NewInstance must be an INSTANCE");
  }
}
