/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Prometheus text exposition (format 0.0.4): series (name plus sorted labels) to value,
 * and family types. Enough for comparing two expositions in tests; it is no general parser.
 */
record Exposition(Map<Series, Double> series, Map<String, String> types) {

  /** A series' identity: metric name and labels, sorted by label name. */
  record Series(String name, TreeMap<String, String> labels) {
    Series without(String label) {
      TreeMap<String, String> l = new TreeMap<>(labels);
      l.remove(label);
      return new Series(name, l);
    }
  }

  static Exposition parse(String text) {
    Map<Series, Double> series = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] p = line.split(" ");
        types.put(p[2], p[3]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        parseSample(line, series);
      }
    }
    return new Exposition(series, types);
  }

  private static void parseSample(String line, Map<Series, Double> out) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    TreeMap<String, String> labels = new TreeMap<>();
    String name;
    int valueStart;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq).trim();
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char n = line.charAt(++j);
            v.append(n == 'n' ? '\n' : n);
          } else {
            v.append(c);
          }
        }
        labels.put(label, v.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      valueStart = i + 2;
    } else {
      name = line.substring(0, space);
      valueStart = space + 1;
    }
    String value = line.substring(valueStart).trim().split(" ")[0];
    out.put(new Series(name, labels), Double.parseDouble(value.replace("+Inf", "Infinity")));
  }
}
