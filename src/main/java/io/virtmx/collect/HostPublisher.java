/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.model.CollectorRun;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one host puts into the {@link SnapshotStore}: a collection's snapshot (rates against the
 * previous one; stale when a collector counted errors), a refreshed one, and the last snapshot
 * marked stale when the host is down or a collection hangs. Keeps the host's error counts by kind
 * since start, which every snapshot it publishes carries. Logs under {@link HostCollector}.
 */
final class HostPublisher {
  private static final Logger log = LoggerFactory.getLogger(HostCollector.class);

  private final SnapshotStore store;
  private final String uri;
  private final Map<String, Long> errorTotals = new TreeMap<>();
  private volatile String name;

  HostPublisher(SnapshotStore store, String uri) {
    this.store = store;
    this.uri = uri;
  }

  /** The name the host is published under; null until named. */
  String name() {
    return name;
  }

  void name(String hostName) {
    this.name = hostName;
  }

  /** The host's latest snapshot in the store. */
  Optional<HostSnapshot> latest() {
    return store.host(name);
  }

  /**
   * A full collection that started at {@code start} ({@link System#nanoTime} {@code startNanos}):
   * {@code parts} holds what the collectors returned, {@code errors} what they counted. Its
   * duration includes the rates.
   */
  void collected(
      HostSnapshot previous,
      HostSnapshot parts,
      List<CollectorRun> runs,
      Map<String, Long> errors,
      Instant start,
      long startNanos) {
    List<DomainSnapshot> doms =
        RateCalculator.apply(previous == null ? List.of() : previous.domains(), parts.domains());
    count(errors);
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    boolean complete = errors.isEmpty();
    Optional<Instant> lastSuccess =
        complete
            ? Optional.of(start)
            : previous == null ? Optional.empty() : previous.lastSuccess();
    long toldFrom = System.nanoTime();
    store.publish(
        new HostSnapshot(
            name,
            uri,
            true,
            !complete,
            start,
            lastSuccess,
            took,
            errors(),
            parts.node(),
            doms,
            parts.pools(),
            parts.networks(),
            runs,
            parts.resources()));
    logged(previous == null, parts, doms.size(), took, runs, System.nanoTime() - toldFrom);
  }

  /**
   * Every collection at DEBUG (ITs await that line), the first also at INFO with each collector's
   * duration and how long the store's listeners (the views) took to hear of it: where a start-up's
   * time goes.
   */
  private void logged(
      boolean first,
      HostSnapshot parts,
      int domains,
      Duration took,
      List<CollectorRun> runs,
      long toldNanos) {
    log.debug(
        "{}: collected {} domains, {} pools, {} networks in {} ms",
        name,
        domains,
        parts.pools().size(),
        parts.networks().size(),
        took.toMillis());
    if (first) {
      log.info(
          "{}: first collection published: {} domains, {} pools, {} networks in {} ms ({});"
              + " views told in {} ms",
          name,
          domains,
          parts.pools().size(),
          parts.networks().size(),
          took.toMillis(),
          durations(runs),
          toldNanos / 1_000_000);
    }
  }

  /**
   * Each collector's duration in milliseconds, in the order they ran, for the log: "domains 7492
   * ms, pools 779 ms (failed)".
   */
  static String durations(List<CollectorRun> runs) {
    StringBuilder out = new StringBuilder();
    for (CollectorRun r : runs) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(r.name()).append(' ').append(r.duration().toMillis()).append(" ms");
      if (!r.success()) {
        out.append(" (failed)");
      }
    }
    return out.toString();
  }

  /** An event's or an operation's refresh, with the errors it counted. */
  void refreshed(HostSnapshot next, Map<String, Long> errors) {
    count(errors);
    store.publish(next.withErrors(errors()));
  }

  /** A libvirt event, after its refresh: told to the store's listeners. */
  void event(ObjectEvent event) {
    store.event(event);
  }

  /**
   * The host is unreachable: its last snapshot marked stale and down (once), or an empty one if it
   * has none.
   */
  void down(HostSnapshot previous) {
    Instant now = Instant.now();
    if (previous == null) {
      store.publish(HostSnapshot.unreachable(name, uri, now, errors()));
    } else if (previous.up() || !previous.stale()) {
      store.publish(previous.markedStale(false, now, errors()));
    }
  }

  /**
   * A collection is still running after {@code timeout}: counted, and the last snapshot marked
   * stale. Runs beside the slow collection, so it publishes only if no fresher snapshot was
   * published since it was read.
   */
  void hung(Duration timeout) {
    log.warn(
        "{}: collection still running after {} s; keeping the last snapshot, marked stale",
        name,
        timeout.toSeconds());
    count(Map.of("timeout", 1L));
    latest().ifPresent(s -> store.replace(s, s.markedStale(s.up(), Instant.now(), errors())));
  }

  /** Adds to the host's error counts. */
  synchronized void count(Map<String, Long> errors) {
    errors.forEach((k, v) -> errorTotals.merge(k, v, Long::sum));
  }

  private synchronized Map<String, Long> errors() {
    return Map.copyOf(errorTotals);
  }
}
