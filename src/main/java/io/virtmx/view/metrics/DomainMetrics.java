/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.counter;
import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.List;

/**
 * One domain: {@code libvirt_domain_state_code{host="hv1",domain="web",uuid="…"} 1}, memory, CPU
 * time, vCPU counts and an info metric of its definition ({@link DomainJobMetrics} has its job).
 */
final class DomainMetrics implements SnapshotBinder {
  static final Family STATE =
      gauge(
          "libvirt_domain_state_code",
          null,
          "State of the domain (0 no state, 1 running, 2 blocked, 3 paused, 4 shutdown, 5 shut off, 6 crashed, "
              + "7 pmsuspended).");
  static final Family REASON =
      gauge(
          "libvirt_domain_state_reason_code",
          null,
          "Reason of the domain's state, libvirt's virDomain<State>Reason code.");
  static final Family INFO =
      info(
          "libvirt_domain",
          "Domain definition: OS type, architecture, machine type, persistent, autostart.");
  static final Family MAX_MEM =
      gauge(
          "libvirt_domain_info_maximum_memory_bytes",
          "bytes",
          Descriptions.DOMAIN_MEMORY_MAXIMUM + ", in bytes.");
  static final Family MEM =
      gauge(
          "libvirt_domain_info_memory_usage_bytes",
          "bytes",
          Descriptions.DOMAIN_MEMORY_CURRENT + ", in bytes.");
  static final Family VCPUS =
      gauge("libvirt_domain_info_virtual_cpus", null, "Number of virtual CPUs for the domain.");
  static final Family CPU =
      counter(
          "libvirt_domain_info_cpu_time_seconds",
          "seconds",
          Descriptions.DOMAIN_CPU_TIME + ", in seconds.");
  static final Family CPU_USER =
      counter(
          "libvirt_domain_cpu_user_seconds",
          "seconds",
          Descriptions.DOMAIN_CPU_USER + ", in seconds.");
  static final Family CPU_SYSTEM =
      counter(
          "libvirt_domain_cpu_system_seconds",
          "seconds",
          Descriptions.DOMAIN_CPU_SYSTEM + ", in seconds.");
  static final Family VCPUS_CURRENT =
      gauge("libvirt_domain_vcpus_current", null, Descriptions.DOMAIN_VCPUS_CURRENT + ".");
  static final Family VCPUS_MAX =
      gauge("libvirt_domain_vcpus_maximum", null, Descriptions.DOMAIN_VCPUS_MAXIMUM + ".");
  @Override
  public List<Family> families() {
    return List.of(
        STATE,
        REASON,
        INFO,
        MAX_MEM,
        MEM,
        VCPUS,
        CPU,
        CPU_USER,
        CPU_SYSTEM,
        VCPUS_CURRENT,
        VCPUS_MAX);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      Labels labels = out.domain(d);
      out.value(STATE, labels, d.state().code());
      out.reported(REASON, labels, d.status().code(), 1);
      out.info(
          INFO,
          labels.merge(
              new String[] {"os_type", "arch", "machine", "persistent", "autostart"},
              new String[] {
                text(d.os().type()),
                text(d.os().arch()),
                text(d.os().machine()),
                Boolean.toString(d.persistent()),
                Boolean.toString(d.autostart())
              }));
      out.reported(MAX_MEM, labels, d.memory().maximumBytes(), 1);
      out.reported(MEM, labels, d.memory().currentBytes(), 1);
      out.reported(VCPUS, labels, d.vcpus().current(), 1);
      out.nanosAsSeconds(CPU, labels, d.cpu().totalNs());
      out.nanosAsSeconds(CPU_USER, labels, d.cpu().userNs());
      out.nanosAsSeconds(CPU_SYSTEM, labels, d.cpu().systemNs());
      out.reported(VCPUS_CURRENT, labels, d.vcpus().current(), 1);
      out.reported(VCPUS_MAX, labels, d.vcpus().maximum(), 1);
    }
  }
}
