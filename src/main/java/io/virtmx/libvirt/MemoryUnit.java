/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.Locale;

/**
 * Converts a libvirt scaled size ({@code unit} attribute: b, KB, k/KiB, MB, M/MiB … E/EiB) to KiB.
 */
final class MemoryUnit {

  private static final String PREFIXES = "kmgtpe";

  private MemoryUnit() {}

  /**
   * Bytes per unit; an empty unit means KiB, libvirt's default for memory. Unit names are
   * case-insensitive; "KB" is decimal (1000), "K" and "KiB" binary (1024).
   *
   * @throws IllegalArgumentException for a unit libvirt would not accept
   */
  static long bytesPerUnit(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.isEmpty()) {
      return 1024;
    }
    if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
      return 1;
    }
    int power = PREFIXES.indexOf(u.charAt(0)) + 1;
    String rest = u.substring(1);
    long base;
    if (power == 0) {
      base = 0;
    } else if (rest.isEmpty() || rest.equals("ib")) {
      base = 1024;
    } else if (rest.equals("b")) {
      base = 1000;
    } else {
      base = 0;
    }
    if (base == 0) {
      throw new IllegalArgumentException("unknown unit '" + unit + "'");
    }
    long factor = 1;
    for (int i = 0; i < power; i++) {
      factor *= base;
    }
    return factor;
  }

  /**
   * {@code value} {@code unit}s in KiB, rounded up as libvirt does.
   *
   * @throws IllegalArgumentException for an unknown unit or a size that does not fit in a long
   */
  static long toKib(long value, String unit) {
    long factor = bytesPerUnit(unit);
    try {
      if (factor % 1024 == 0) {
        return Math.multiplyExact(value, factor / 1024);
      }
      long bytes = Math.multiplyExact(value, factor);
      return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("size " + value + " " + unit + " is too large", e);
    }
  }
}
