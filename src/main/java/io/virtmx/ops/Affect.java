/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.util.Locale;

/**
 * Which definition of a domain a device or resource change applies to, as libvirt's {@code
 * VIR_DOMAIN_AFFECT_*} flags say: the running domain ({@code live}), its persistent definition
 * ({@code config}), both ({@code live+config}), or whichever the domain has now ({@code current}:
 * live when running, config when shut off).
 */
public enum Affect {
  CURRENT("current", 0),
  LIVE("live", 1),
  CONFIG("config", 2),
  LIVE_AND_CONFIG("live+config", 3);

  /** The words the views accept, for their parameter descriptions. */
  public static final String CHOICES = "current (or empty), live, config, live+config";

  private final String word;
  private final int flags;

  Affect(String word, int flags) {
    this.word = word;
    this.flags = flags;
  }

  /** libvirt's flags. */
  int flags() {
    return flags;
  }

  /** Whether the persistent definition is the one to read for this change. */
  boolean config() {
    return this == CONFIG;
  }

  @Override
  public String toString() {
    return word;
  }

  /** The value for {@code text} (case-insensitive, "both" for live+config), null if unknown. */
  static Affect parse(String text) {
    if (text == null || text.isBlank()) {
      return CURRENT;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("both") || t.equals("config+live")) {
      return LIVE_AND_CONFIG;
    }
    for (Affect a : values()) {
      if (a.word.equals(t)) {
        return a;
      }
    }
    return null;
  }

  /** Adds the check of {@code text} to {@code attempt} and its value to the audit line. */
  static Affect checked(Attempt attempt, String text) {
    Affect a = parse(text);
    attempt
        .arg("affect", a == null ? text : a)
        .require(a != null, "unknown affect '" + text + "' (use " + CHOICES + ")");
    return a == null ? CURRENT : a;
  }
}
