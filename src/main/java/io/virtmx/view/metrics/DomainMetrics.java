/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.Measured.gauge;
import static io.virtmx.view.metrics.Measured.seconds;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * One domain: {@code libvirt_domain_state_code{host="hv1",domain="web",uuid="…"} 1}, memory, CPU
 * time, vCPU counts and an info metric of its definition ({@link DomainJobMetrics} has its job).
 */
final class DomainMetrics implements SnapshotBinder {
  static final Family INFO =
      info(
          "libvirt_domain",
          "Domain definition: OS type, architecture, machine type, persistent, autostart.");
  static final List<Measured<DomainSnapshot>> SERIES =
      List.of(
          gauge(
              "libvirt_domain_state_code",
              null,
              "State of the domain (0 no state, 1 running, 2 blocked, 3 paused, 4 shutdown, 5 shut off, "
                  + "6 crashed, 7 pmsuspended).",
              d -> d.state().code()),
          gauge(
              "libvirt_domain_state_reason_code",
              null,
              "Reason of the domain's state, libvirt's virDomain<State>Reason code.",
              d -> d.status().code()),
          gauge(
              "libvirt_domain_info_maximum_memory_bytes",
              "bytes",
              Descriptions.DOMAIN_MEMORY_MAXIMUM + ", in bytes.",
              d -> d.memory().maximumBytes()),
          gauge(
              "libvirt_domain_info_memory_usage_bytes",
              "bytes",
              Descriptions.DOMAIN_MEMORY_CURRENT + ", in bytes.",
              d -> d.memory().currentBytes()),
          gauge(
              "libvirt_domain_info_virtual_cpus",
              null,
              "Number of virtual CPUs for the domain.",
              d -> d.vcpus().current()),
          seconds(
              "libvirt_domain_info_cpu_time_seconds",
              Descriptions.DOMAIN_CPU_TIME + ", in seconds.",
              d -> d.cpu().totalNs()),
          seconds(
              "libvirt_domain_cpu_user_seconds",
              Descriptions.DOMAIN_CPU_USER + ", in seconds.",
              d -> d.cpu().userNs()),
          seconds(
              "libvirt_domain_cpu_system_seconds",
              Descriptions.DOMAIN_CPU_SYSTEM + ", in seconds.",
              d -> d.cpu().systemNs()),
          gauge(
              "libvirt_domain_vcpus_current",
              null,
              Descriptions.DOMAIN_VCPUS_CURRENT + ".",
              d -> d.vcpus().current()),
          gauge(
              "libvirt_domain_vcpus_maximum",
              null,
              Descriptions.DOMAIN_VCPUS_MAXIMUM + ".",
              d -> d.vcpus().maximum()));

  @Override
  public List<Family> families() {
    List<Family> all = new ArrayList<>(Measured.families(SERIES));
    all.add(INFO);
    return all;
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      Labels labels = out.domain(d);
      SERIES.forEach(m -> m.write(out, labels, d));
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
    }
  }
}
