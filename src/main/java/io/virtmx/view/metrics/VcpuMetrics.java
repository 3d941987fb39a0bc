/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Measured.gauge;
import static io.virtmx.view.metrics.Measured.seconds;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.VcpuStats;
import java.util.List;

/**
 * Each vCPU of a running domain: {@code libvirt_domain_vcpu_delay_seconds_total{…,vcpu="0"} 0.42}
 * (steal).
 */
final class VcpuMetrics implements SnapshotBinder {
  static final List<Measured<VcpuStats>> SERIES =
      List.of(
          gauge(
              "libvirt_domain_vcpu_state",
              null,
              "State of the vCPU (0 offline, 1 running, 2 blocked).",
              v -> v.state().code()),
          seconds(
              "libvirt_domain_vcpu_time_seconds", "CPU time the vCPU ran, in seconds.", VcpuStats::timeNs),
          seconds(
              "libvirt_domain_vcpu_wait_seconds",
              "Time the vCPU waited on I/O, in seconds.",
              VcpuStats::waitNs),
          seconds(
              "libvirt_domain_vcpu_delay_seconds",
              "Time the vCPU was runnable but waited for a host CPU (steal seen by the guest), in seconds.",
              VcpuStats::delayNs),
          gauge("libvirt_domain_vcpu_halted", null, Descriptions.VCPU_HALTED + ".", VcpuStats::halted),
          gauge(
              "libvirt_domain_vcpu_host_cpu",
              null,
              "Host CPU the vCPU last ran on.",
              VcpuStats::hostCpu));

  @Override
  public List<Family> families() {
    return Measured.families(SERIES);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      for (VcpuStats v : d.vcpus().each()) {
        Labels labels = out.domain(d).add("vcpu", Integer.toString(v.number()));
        SERIES.forEach(m -> m.write(out, labels, v));
      }
    }
  }
}
