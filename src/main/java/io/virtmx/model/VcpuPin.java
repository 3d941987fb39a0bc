/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.TreeSet;

/**
 * The host CPUs (numbered from 0, sorted, distinct) that one virtual CPU may run on, where the
 * domain's definition restricts it; a vCPU without a {@code VcpuPin} may run on every host CPU.
 */
public record VcpuPin(int vcpu, List<Integer> hostCpus) {
  public VcpuPin {
    if (vcpu < 0) {
      throw new IllegalArgumentException("vCPU number " + vcpu + " is negative");
    }
    TreeSet<Integer> sorted = new TreeSet<>(hostCpus);
    if (!sorted.isEmpty() && sorted.first() < 0) {
      throw new IllegalArgumentException("host CPU " + sorted.first() + " is negative");
    }
    hostCpus = List.copyOf(sorted);
  }

  /** The host CPUs in libvirt's cpuset syntax, ranges joined: "0-3,6". */
  public String cpuList() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < hostCpus.size()) {
      int first = hostCpus.get(i);
      int last = first;
      while (i + 1 < hostCpus.size() && hostCpus.get(i + 1) == last + 1) {
        last = hostCpus.get(++i);
      }
      i++;
      out.append(out.isEmpty() ? "" : ",").append(first);
      if (last > first) {
        out.append('-').append(last);
      }
    }
    return out.toString();
  }
}
