/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Memory balloon statistics as {@code virDomainMemoryStats} names them, in bytes (faults are
 * counts, {@code lastUpdate} seconds since the epoch as the guest reported it). A statistic the
 * guest or driver does not report is {@link Values#UNKNOWN}.
 */
public record BalloonStats(
    long actualBytes,
    long maximumBytes,
    long unusedBytes,
    long availableBytes,
    long usableBytes,
    long rssBytes,
    long swapInBytes,
    long swapOutBytes,
    long majorFaults,
    long minorFaults,
    long diskCachesBytes,
    long lastUpdate) {

  private static final long N = Values.UNKNOWN;

  /** Nothing reported ({@code N} = {@link Values#UNKNOWN}). */
  public static final BalloonStats UNKNOWN = new BalloonStats(N, N, N, N, N, N, N, N, N, N, N, N);

  public BalloonStats withMaximumBytes(long maximum) {
    return new BalloonStats(
        actualBytes,
        maximum,
        unusedBytes,
        availableBytes,
        usableBytes,
        rssBytes,
        swapInBytes,
        swapOutBytes,
        majorFaults,
        minorFaults,
        diskCachesBytes,
        lastUpdate);
  }

  /**
   * Guest memory in use as a percentage of what it has, from available and unused; NaN when not
   * reported.
   */
  public double usedPercent() {
    if (availableBytes <= 0 || unusedBytes < 0) {
      return Double.NaN;
    }
    return 100.0 * (availableBytes - unusedBytes) / availableBytes;
  }
}
