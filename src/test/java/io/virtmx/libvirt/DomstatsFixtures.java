/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads `virsh domstats` text (one domain, indented key=value lines) into a params map like
 * TypedParams gives.
 */
final class DomstatsFixtures {

  private DomstatsFixtures() {}

  static Map<String, Object> load(String name) {
    try (InputStream in = DomstatsFixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> parse(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (!line.startsWith("  ") || eq < 0) {
        continue;
      }
      out.put(line.substring(0, eq).trim(), value(line.substring(eq + 1)));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object value(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException notLong) {
      try {
        return raw.matches("-?\\d+\\.\\d+") ? Double.parseDouble(raw) : raw;
      } catch (NumberFormatException notDouble) {
        return raw;
      }
    }
  }
}
