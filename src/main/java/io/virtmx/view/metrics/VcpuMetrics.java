/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.counter;
import static io.virtmx.view.metrics.Family.gauge;

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
  static final Family STATE =
      gauge(
          "libvirt_domain_vcpu_state",
          null,
          "State of the vCPU (0 offline, 1 running, 2 blocked).");
  static final Family TIME =
      counter("libvirt_domain_vcpu_time_seconds", "seconds", "CPU time the vCPU ran, in seconds.");
  static final Family WAIT =
      counter(
          "libvirt_domain_vcpu_wait_seconds",
          "seconds",
          "Time the vCPU waited on I/O, in seconds.");
  static final Family DELAY =
      counter(
          "libvirt_domain_vcpu_delay_seconds",
          "seconds",
          "Time the vCPU was runnable but waited for a host CPU (steal seen by the guest), in seconds.");
  static final Family HALTED =
      gauge("libvirt_domain_vcpu_halted", null, Descriptions.VCPU_HALTED + ".");
  static final Family HOST_CPU =
      gauge("libvirt_domain_vcpu_host_cpu", null, "Host CPU the vCPU last ran on.");

  @Override
  public List<Family> families() {
    return List.of(STATE, TIME, WAIT, DELAY, HALTED, HOST_CPU);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      for (VcpuStats v : d.vcpus().each()) {
        Labels labels = out.domain(d).add("vcpu", Integer.toString(v.number()));
        out.reported(STATE, labels, v.state().code(), 1);
        out.nanosAsSeconds(TIME, labels, v.timeNs());
        out.nanosAsSeconds(WAIT, labels, v.waitNs());
        out.nanosAsSeconds(DELAY, labels, v.delayNs());
        out.reported(HALTED, labels, v.halted(), 1);
        out.reported(HOST_CPU, labels, v.hostCpu(), 1);
      }
    }
  }
}
