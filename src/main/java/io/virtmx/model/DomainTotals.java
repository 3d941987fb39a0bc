/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a host's domains add up to: how many there are in each state, and the memory (bytes) and
 * vCPUs the running ones hold.
 */
public record DomainTotals(
    int domains, Map<DomainState, Integer> byState, long activeMemoryBytes, long activeVcpus) {

  public DomainTotals {
    byState = Map.copyOf(byState);
  }

  static DomainTotals of(List<DomainSnapshot> domains) {
    Map<DomainState, Integer> byState = new EnumMap<>(DomainState.class);
    long memory = 0;
    long vcpus = 0;
    for (DomainSnapshot d : domains) {
      byState.merge(d.state(), 1, Integer::sum);
      if (d.active()) {
        memory += Math.max(0, d.memory().currentBytes());
        vcpus += Math.max(0, d.vcpus().current());
      }
    }
    return new DomainTotals(domains.size(), byState, memory, vcpus);
  }

  /** Domains in that state (0 when none). */
  public int in(DomainState state) {
    return byState.getOrDefault(state, 0);
  }
}
