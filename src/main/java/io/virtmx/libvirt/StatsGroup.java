/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * The {@code virDomainStatsTypes} groups of {@code virConnectGetAllDomainStats}, each with its bit
 * and the key prefix its parameters carry.
 */
public enum StatsGroup {
  STATE(1, "state"),
  CPU_TOTAL(1 << 1, "cpu"),
  BALLOON(1 << 2, "balloon"),
  VCPU(1 << 3, "vcpu"),
  INTERFACE(1 << 4, "net"),
  BLOCK(1 << 5, "block"),
  PERF(1 << 6, "perf"),
  IOTHREAD(1 << 7, "iothread"),
  MEMORY(1 << 8, "memory"),
  DIRTYRATE(1 << 9, "dirtyrate"),
  VM(1 << 10, "vm");

  private final int bit;
  private final String prefix;

  StatsGroup(int bit, String prefix) {
    this.bit = bit;
    this.prefix = prefix;
  }

  public int bit() {
    return bit;
  }

  /** Key prefix without the trailing dot, e.g. "net" for INTERFACE. */
  public String prefix() {
    return prefix;
  }

  /** OR of the groups' bits. */
  public static int mask(StatsGroup... groups) {
    int m = 0;
    for (StatsGroup g : groups) {
      m |= g.bit;
    }
    return m;
  }

  /**
   * What the collector asks for: state, CPU, balloon, vCPU, interfaces, block devices, perf events
   * and IOThreads (a group the driver does not have, or a domain without perf events or IOThreads,
   * adds nothing to the answer).
   */
  public static int collectorMask() {
    return mask(STATE, CPU_TOTAL, BALLOON, VCPU, INTERFACE, BLOCK, PERF, IOTHREAD);
  }
}
