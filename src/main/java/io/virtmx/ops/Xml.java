/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

/**
 * Escapes text for the small XML documents operations send to libvirt (snapshot and volume
 * definitions).
 */
final class Xml {
  private Xml() {}

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
