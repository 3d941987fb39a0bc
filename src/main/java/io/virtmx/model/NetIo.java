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

  public static final NetIo UNKNOWN =
      new NetIo(
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN);
}
