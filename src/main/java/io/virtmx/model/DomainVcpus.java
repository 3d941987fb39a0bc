/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;

/**
 * A domain's virtual CPUs: how many it has now and may have at most, and, while it runs, each one's
 * statistics.
 */
public record DomainVcpus(int current, int maximum, List<VcpuStats> each) {
  public DomainVcpus {
    each = List.copyOf(each);
  }
}
