/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Cumulative counters of one interface as the host sees them (receive = traffic to the guest);
 * {@link Values#UNKNOWN} where not reported.
 */
public record NetIo(
    long rxBytes,
    long rxPackets,
    long rxErrors,
    long rxDrops,
    long txBytes,
    long txPackets,
    long txErrors,
    long txDrops) {

  private static final long N = Values.UNKNOWN;

  /** Nothing reported ({@code N} = {@link Values#UNKNOWN}). */
  public static final NetIo UNKNOWN = new NetIo(N, N, N, N, N, N, N, N);
}
