/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every libvirt series of every host, registered on the {@code PrometheusMeterRegistry}'s
 * Prometheus registry.
 *
 * <p>The families are built once per new snapshot, on one background thread (coalescing bursts of
 * updates), and kept; a scrape only returns the built {@link MetricSnapshots} for the registry to
 * write. So a scrape neither calls libvirt nor allocates per series, and the series of a domain
 * that is gone disappear with the next snapshot.
 */
final class SnapshotCollector implements MultiCollector, SnapshotListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SnapshotCollector.class);

  static final List<SnapshotBinder> BINDERS =
      List.of(
          new NodeMetrics(),
          new NodeMemoryMetrics(),
          new NodeCapabilityMetrics(),
          new NodeDeviceMetrics(),
          new DomainMetrics(),
          new DomainJobMetrics(),
          new VcpuMetrics(),
          new GuestMetrics(),
          new MetadataMetrics(),
          new PerfMetrics(),
          new BalloonMetrics(),
          new DiskMetrics(),
          new InterfaceMetrics(),
          new StorageMetrics(),
          new NetworkMetrics());

  private static final Set<String> NAMES =
      BINDERS.stream()
          .flatMap(b -> b.families().stream())
          .map(Family::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private volatile SnapshotSource source = new NoSource();
  private final Map<String, Rendered> rendered = new HashMap<>();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ExecutorService renderer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "virtmx-metrics-render");
            t.setDaemon(true);
            return t;
          });
  private volatile CachedExposition current = new CachedExposition(new MetricSnapshots());

  /** The source before {@link #follow}: no hosts. */
  private static final class NoSource implements SnapshotSource {
    @Override
    public List<HostSnapshot> hosts() {
      return List.of();
    }

    @Override
    public java.util.Optional<HostSnapshot> host(String name) {
      return java.util.Optional.empty();
    }

    @Override
    public void addListener(io.virtmx.model.SnapshotListener listener) {}

    @Override
    public void removeListener(io.virtmx.model.SnapshotListener listener) {}
  }

  /** One host's points, and the snapshot they were built from (a rendering cache, not state). */
  private record Rendered(HostSnapshot source, Map<Family, List<DataPointSnapshot>> points) {}

  /** Starts following {@code source} and builds its current snapshots before returning. */
  void follow(SnapshotSource source) {
    this.source = source;
    source.addListener(this);
    renderNow();
  }

  @Override
  public void updated(HostSnapshot previous, HostSnapshot now) {
    schedule();
  }

  @Override
  public void removed(String host) {
    schedule();
  }

  private void schedule() {
    if (pending.compareAndSet(false, true)) {
      renderer.execute(
          () -> {
            pending.set(false);
            try {
              renderNow();
            } catch (RuntimeException e) {
              log.error("cannot render metrics of the latest snapshot", e);
            }
          });
    }
  }

  /**
   * Builds the families from the latest snapshot of every host (only hosts whose snapshot changed).
   */
  synchronized void renderNow() {
    List<HostSnapshot> hosts = source.hosts();
    rendered.keySet().retainAll(hosts.stream().map(HostSnapshot::host).toList());
    for (HostSnapshot h : hosts) {
      Rendered r = rendered.get(h.host());
      if (r == null || r.source() != h) {
        rendered.put(h.host(), new Rendered(h, render(h)));
      }
    }
    List<MetricSnapshot> families = new ArrayList<>();
    for (SnapshotBinder binder : BINDERS) {
      for (Family f : binder.families()) {
        List<DataPointSnapshot> points = new ArrayList<>();
        rendered.values().forEach(r -> points.addAll(r.points().getOrDefault(f, List.of())));
        if (!points.isEmpty()) {
          families.add(f.snapshot(points));
        }
      }
    }
    current = new CachedExposition(new MetricSnapshots(families));
  }

  static Map<Family, List<DataPointSnapshot>> render(HostSnapshot host) {
    SeriesBuffer out = new SeriesBuffer(host.host());
    for (SnapshotBinder binder : BINDERS) {
      binder.bind(host, out);
    }
    return out.points();
  }

  @Override
  public MetricSnapshots collect() {
    return current.snapshots();
  }

  /** The families of the latest snapshot with their serialized forms. */
  CachedExposition exposition() {
    return current;
  }

  /** Whether a Prometheus metric name (without suffix) is one of this collector's families. */
  boolean owns(String prometheusName) {
    return NAMES.contains(prometheusName);
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.copyOf(NAMES);
  }

  @Override
  public void close() {
    renderer.shutdownNow();
  }
}
