/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * The one marker the model uses for a single count, size or time libvirt did not report. Groups of
 * values have their own named {@code UNKNOWN} instance (e.g. {@link BlockIo#UNKNOWN}) built from
 * it, so no caller spells out a run of markers.
 */
public final class Values {
  /** A count, byte size or nanosecond time that was not reported. */
  public static final long UNKNOWN = -1;

  private Values() {}

  /** Whether a count, size or time was reported. */
  public static boolean known(long value) {
    return value >= 0;
  }

  /** {@code kib} in bytes, keeping {@link #UNKNOWN} unknown (libvirt reports memory in KiB). */
  public static long kibToBytes(long kib) {
    return known(kib) ? kib * 1024 : UNKNOWN;
  }
}
