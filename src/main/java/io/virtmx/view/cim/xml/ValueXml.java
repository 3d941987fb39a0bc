/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.schema.CimQualifier;
import java.util.List;

/**
 * How {@link CimXmlWriter} spells values in CIM-XML: escaped text (characters XML 1.0 cannot carry
 * become '?', line breaks and tabs character references so that attributes keep them), TRUE and
 * FALSE, VALUE and VALUE.ARRAY, and QUALIFIER elements.
 */
final class ValueXml {
  private ValueXml() {}

  /** VALUE or VALUE.ARRAY of a plain value (a null array element as VALUE.NULL). */
  static void value(StringBuilder b, Object value) {
    if (value instanceof List<?> list) {
      b.append("<VALUE.ARRAY>");
      for (Object o : list) {
        if (o == null) {
          b.append("<VALUE.NULL/>");
        } else {
          b.append("<VALUE>");
          scalar(b, o).append("</VALUE>");
        }
      }
      b.append("</VALUE.ARRAY>");
    } else {
      b.append("<VALUE>");
      scalar(b, value).append("</VALUE>");
    }
  }

  /** A boolean, number or (escaped) text, without an element around it. */
  static StringBuilder scalar(StringBuilder b, Object v) {
    if (v instanceof Boolean bool) {
      return b.append(bool ? "TRUE" : "FALSE");
    }
    if (v instanceof Number n) {
      return b.append(n);
    }
    return text(b, String.valueOf(v));
  }

  /** The QUALIFIER elements of the qualifiers that have a value. */
  static void qualifiers(StringBuilder b, List<CimQualifier> qualifiers) {
    for (CimQualifier q : qualifiers) {
      if (q.value() == null) {
        continue;
      }
      b.append("<QUALIFIER NAME=\"")
          .append(q.name())
          .append("\" TYPE=\"")
          .append(q.type().xmlName())
          .append('"');
      if (q.propagated()) {
        b.append(" PROPAGATED=\"true\"");
      }
      b.append('>');
      value(b, q.value());
      b.append("</QUALIFIER>\n");
    }
  }

  /** {@code s} escaped for element text and attribute values alike. */
  static StringBuilder text(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            b.append('?');
          } else if (c == '\r' || c == '\n' || c == '\t') {
            b.append("&#").append((int) c).append(';');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b;
  }
}
