/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Optional;

/**
 * A domain's virtual CPUs: how many it has now and may have at most, while it runs each one's
 * statistics, and the host CPUs the definition pins vCPUs to ({@code pinning}: one {@link VcpuPin}
 * per restricted vCPU, in vCPU order; a vCPU not listed may run on every host CPU).
 */
public record DomainVcpus(int current, int maximum, List<VcpuStats> each, List<VcpuPin> pinning) {
  public DomainVcpus {
    each = List.copyOf(each);
    pinning = List.copyOf(pinning);
  }

  /** vCPUs that the definition does not pin. */
  public DomainVcpus(int current, int maximum, List<VcpuStats> each) {
    this(current, maximum, each, List.of());
  }

  /** The pinning of vCPU {@code vcpu}; empty when it may run on every host CPU. */
  public Optional<VcpuPin> pin(int vcpu) {
    return pinning.stream().filter(p -> p.vcpu() == vcpu).findFirst();
  }

  /** Whether vCPU {@code vcpu} may run on host CPU {@code hostCpu} (both numbered from 0). */
  public boolean mayRunOn(int vcpu, int hostCpu) {
    return pin(vcpu).map(p -> p.hostCpus().contains(hostCpu)).orElse(true);
  }
}
