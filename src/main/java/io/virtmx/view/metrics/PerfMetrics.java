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
import io.virtmx.model.IoThreadStats;
import java.util.List;
import java.util.Map;

/**
 * Perf event counters of domains with perf events enabled, {@code
 * libvirt_domain_perf_events_total{event="cpu_cycles"}}, and each IOThread's polling statistics,
 * {@code libvirt_domain_iothread_poll_max_seconds{iothread="1"}}; a domain without them has none.
 */
final class PerfMetrics implements SnapshotBinder {
  static final Family PERF =
      counter("libvirt_domain_perf_events", null, Descriptions.PERF_EVENT + ".");
  static final Family POLL_MAX =
      gauge(
          "libvirt_domain_iothread_poll_max_seconds",
          "seconds",
          Descriptions.IOTHREAD_POLL_MAX + ", in seconds.");
  static final Family POLL_GROW =
      gauge("libvirt_domain_iothread_poll_grow", null, Descriptions.IOTHREAD_POLL_GROW + ".");
  static final Family POLL_SHRINK =
      gauge("libvirt_domain_iothread_poll_shrink", null, Descriptions.IOTHREAD_POLL_SHRINK + ".");

  @Override
  public List<Family> families() {
    return List.of(PERF, POLL_MAX, POLL_GROW, POLL_SHRINK);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      for (Map.Entry<String, Long> e : d.perf().entrySet()) {
        out.reported(PERF, out.domain(d).add("event", e.getKey()), e.getValue(), 1);
      }
      for (IoThreadStats t : d.iothreads()) {
        Labels l = out.domain(d).add("iothread", Integer.toString(t.id()));
        out.nanosAsSeconds(POLL_MAX, l, t.pollMaxNs());
        out.reported(POLL_GROW, l, t.pollGrow(), 1);
        out.reported(POLL_SHRINK, l, t.pollShrink(), 1);
      }
    }
  }
}
