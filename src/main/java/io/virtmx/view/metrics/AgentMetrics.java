/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.virtmx.model.CollectorRun;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own health per watched host, as Micrometer meters: {@code
 * virtmx_collection_duration_seconds{host}}, {@code virtmx_last_success_timestamp_seconds}, {@code
 * virtmx_snapshot_stale}, {@code virtmx_snapshot_age_seconds} and {@code
 * virtmx_collection_errors_total{host,kind}}, and per collector {@code
 * virtmx_collector_duration_seconds{host,collector}} and {@code
 * virtmx_collector_success{host,collector}}. Meters of a host are added when it first appears (a
 * collector's, when it first runs) and removed when the host is no longer watched.
 */
final class AgentMetrics implements MeterBinder, SnapshotListener {
  private final SnapshotSource source;
  private final Clock clock;
  private final Map<String, HostMeters> hosts = new ConcurrentHashMap<>();
  private MeterRegistry registry;

  AgentMetrics(SnapshotSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** The meters registered for one host; they read the host's latest snapshot from the source. */
  private final class HostMeters {
    final String host;
    final List<Meter> meters = new ArrayList<>();
    final Map<String, Meter> errorKinds = new ConcurrentHashMap<>();
    final Map<String, List<Meter>> collectors = new ConcurrentHashMap<>();

    HostMeters(String host) {
      this.host = host;
    }

    /** The host's latest snapshot; an empty unreachable one once the host is no longer watched. */
    HostSnapshot snapshot() {
      return source
          .host(host)
          .orElseGet(() -> HostSnapshot.unreachable(host, "", Instant.EPOCH, Map.of()));
    }
  }

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    this.registry = meterRegistry;
    source.addListener(this);
    source.hosts().forEach(h -> updated(null, h));
  }

  @Override
  public synchronized void updated(HostSnapshot previous, HostSnapshot now) {
    HostMeters m = hosts.computeIfAbsent(now.host(), this::register);
    now.errorsByKind()
        .keySet()
        .forEach(
            kind ->
                m.errorKinds.computeIfAbsent(
                    kind,
                    k ->
                        FunctionCounter.builder(
                                "virtmx.collection.errors",
                                m,
                                x -> x.snapshot().errorsByKind().getOrDefault(k, 0L))
                            .description(
                                "Errors while collecting the host, by kind, since the agent started.")
                            .baseUnit("errors")
                            .tags(Tags.of("host", now.host(), "kind", k))
                            .register(registry)));
    now.collectorRuns()
        .forEach(run -> m.collectors.computeIfAbsent(run.name(), c -> collectorMeters(m, c)));
  }

  /** A collector's duration and success in the host's latest collection (NaN if it did not run). */
  private List<Meter> collectorMeters(HostMeters m, String collector) {
    Tags tags = Tags.of("host", m.snapshot().host(), "collector", collector);
    return List.of(
        Gauge.builder(
                "virtmx.collector.duration",
                m,
                x -> run(x, collector).map(r -> seconds(r.duration())).orElse(Double.NaN))
            .description("Duration of the collector in the host's latest collection.")
            .baseUnit("seconds")
            .tags(tags)
            .strongReference(true)
            .register(registry),
        Gauge.builder(
                "virtmx.collector.success",
                m,
                x -> run(x, collector).map(r -> r.success() ? 1.0 : 0.0).orElse(Double.NaN))
            .description(
                "1 when the collector finished without error in the host's latest collection, else 0.")
            .tags(tags)
            .strongReference(true)
            .register(registry));
  }

  private static Optional<CollectorRun> run(HostMeters m, String collector) {
    return m.snapshot().collectorRun(collector);
  }

  @Override
  public synchronized void removed(String host) {
    HostMeters m = hosts.remove(host);
    if (m != null) {
      m.meters.forEach(registry::remove);
      m.errorKinds.values().forEach(registry::remove);
      m.collectors.values().forEach(meters -> meters.forEach(registry::remove));
    }
  }

  private HostMeters register(String host) {
    HostMeters m = new HostMeters(host);
    Tags tags = Tags.of("host", host);
    m.meters.add(
        Gauge.builder(
                "virtmx.collection.duration", m, x -> seconds(x.snapshot().collectionDuration()))
            .description("Duration of the latest collection of the host.")
            .baseUnit("seconds")
            .tags(tags)
            .strongReference(true)
            .register(registry));
    m.meters.add(
        Gauge.builder(
                "virtmx.last.success.timestamp",
                m,
                x -> x.snapshot().lastSuccess().map(AgentMetrics::epochSeconds).orElse(Double.NaN))
            .description(
                "When the host was last collected successfully, in seconds since the epoch.")
            .baseUnit("seconds")
            .tags(tags)
            .strongReference(true)
            .register(registry));
    m.meters.add(
        Gauge.builder("virtmx.snapshot.age", m, x -> age(x.snapshot().collectedAt()))
            .description("Age of the host's latest snapshot.")
            .baseUnit("seconds")
            .tags(tags)
            .strongReference(true)
            .register(registry));
    // A flag has no unit (Prometheus naming): 1 when the snapshot is stale (host down or collection
    // timed out).
    m.meters.add(
        Gauge.builder("virtmx.snapshot.stale", m, x -> x.snapshot().stale() ? 1 : 0)
            .description(
                "1 when the host's snapshot is stale: the host is down or its latest collection failed.")
            .tags(tags)
            .strongReference(true)
            .register(registry));
    return m;
  }

  private static double seconds(Duration d) {
    return d == null ? Double.NaN : d.toNanos() / 1e9;
  }

  private static double epochSeconds(Instant t) {
    return t.toEpochMilli() / 1e3;
  }

  private double age(Instant t) {
    return t == null ? Double.NaN : Duration.between(t, clock.instant()).toNanos() / 1e9;
  }
}
