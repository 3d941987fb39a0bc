/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Cumulative I/O counters of one disk: requests and bytes per direction, flushes, and the time
 * spent on each (nanoseconds); {@link Values#UNKNOWN} where the driver did not report one.
 */
public record BlockIo(
    long readRequests,
    long readBytes,
    long readTimeNs,
    long writeRequests,
    long writeBytes,
    long writeTimeNs,
    long flushRequests,
    long flushTimeNs,
    long errors) {

  private static final long N = Values.UNKNOWN;

  /** Nothing reported ({@code N} = {@link Values#UNKNOWN}). */
  public static final BlockIo UNKNOWN = new BlockIo(N, N, N, N, N, N, N, N, N);
}
