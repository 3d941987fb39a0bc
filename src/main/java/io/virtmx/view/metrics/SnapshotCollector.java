/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every libvirt series of every host, rendered straight from each host's snapshot into the bytes
 * of the exposition ({@link CachedExposition}).
 *
 * <p>A host is rendered once per new snapshot, on one background thread (coalescing bursts of
 * updates); a scrape only hands out the rendered bytes. So a scrape neither calls libvirt nor
 * allocates per series, nothing per series is kept but its line, and the series of a domain that
 * is gone disappear with the next snapshot.
 */
final class SnapshotCollector implements SnapshotListener, AutoCloseable {
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

  /** Every family, by name: the order of the exposition, as the Prometheus client sorts them. */
  static final List<Family> FAMILIES = sortedFamilies();

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
  private volatile CachedExposition current = new CachedExposition(List.of());

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

  /** One host's lines by family, and the snapshot they came from (a rendering cache, not state). */
  private record Rendered(HostSnapshot source, Map<Family, DeflatedLines> lines) {}

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
    List<Map<Family, DeflatedLines>> lines = new ArrayList<>();
    hosts.stream()
        .map(HostSnapshot::host)
        .sorted()
        .forEach(name -> lines.add(rendered.get(name).lines()));
    current = new CachedExposition(lines);
  }

  /** One host's series lines, family by family. */
  static Map<Family, DeflatedLines> render(HostSnapshot host) {
    try (SeriesBuffer out = new SeriesBuffer(host)) {
      for (SnapshotBinder binder : BINDERS) {
        binder.bind(host, out);
      }
      return out.series();
    }
  }

  /** The rendered bytes of the latest snapshots. */
  CachedExposition exposition() {
    return current;
  }

  private static List<Family> sortedFamilies() {
    List<Family> all =
        BINDERS.stream()
            .flatMap(b -> b.families().stream())
            .sorted(Comparator.comparing(Family::name))
            .toList();
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).name().equals(all.get(i - 1).name())) {
        throw new IllegalStateException(all.get(i).name() + ": duplicate metric family");
      }
    }
    return all;
  }

  @Override
  public void close() {
    renderer.shutdownNow();
  }
}
