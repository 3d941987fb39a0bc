/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.nio.charset.StandardCharsets;

/**
 * One metric family rendered from snapshots: its name, description, base unit and kind, e.g. the
 * counter {@code libvirt_domain_block_stats_read_bytes} with base unit "bytes", exposed as {@code
 * libvirt_domain_block_stats_read_bytes_total}.
 *
 * <p>{@code baseUnit} is null only for dimensionless values (counts, codes, flags), as Prometheus'
 * naming conventions want; otherwise the name ends with it. Info families are named without their
 * {@code _info} suffix.
 */
record Family(String name, String description, String baseUnit, Kind kind) {

  /**
   * How the family is exposed: TYPE gauge, TYPE counter ({@code _total}) or an info metric ({@code
   * _info}).
   */
  enum Kind {
    GAUGE,
    COUNTER,
    INFO
  }

  static Family gauge(String name, String baseUnit, String description) {
    return new Family(name, description, baseUnit, Kind.GAUGE);
  }

  static Family counter(String name, String baseUnit, String description) {
    return new Family(name, description, baseUnit, Kind.COUNTER);
  }

  static Family info(String name, String description) {
    return new Family(name, description, null, Kind.INFO);
  }

  /** The name as scraped: with {@code _total} for counters and {@code _info} for info metrics. */
  String exposedName() {
    return switch (kind) {
      case COUNTER -> name + "_total";
      case INFO -> name + "_info";
      case GAUGE -> name;
    };
  }

  /**
   * The lines before the family's series. Text format 0.0.4: {@code # HELP} (backslash and line
   * feed escaped) and {@code # TYPE} on the exposed name, an info family typed gauge. OpenMetrics:
   * {@code # TYPE} (counter, gauge or info), {@code # UNIT} when there is one and {@code # HELP}
   * (also quotes escaped) on the name without suffix. As the Prometheus client's writers put them.
   */
  byte[] header(boolean openMetrics) {
    StringBuilder b = new StringBuilder(description.length() + 3 * name.length() + 40);
    if (openMetrics) {
      String type = kind.name().toLowerCase(java.util.Locale.ROOT);
      b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
      if (baseUnit != null) {
        b.append("# UNIT ").append(name).append(' ').append(escape(baseUnit, true)).append('\n');
      }
      if (!description.isEmpty()) {
        b.append("# HELP ").append(name).append(' ').append(escape(description, true)).append('\n');
      }
    } else {
      String exposed = exposedName();
      if (!description.isEmpty()) {
        b.append("# HELP ").append(exposed).append(' ').append(escape(description, false));
        b.append('\n');
      }
      String type = kind == Kind.COUNTER ? "counter" : "gauge";
      b.append("# TYPE ").append(exposed).append(' ').append(type).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s, boolean quotes) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '"' -> b.append(quotes ? "\\\"" : "\"");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
