/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the latest {@link HostSnapshot} of each host and tells listeners; the one writer per host
 * is its collector.
 */
public final class SnapshotStore implements SnapshotSource {
  private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
  /** A listener (a view) that takes this long to hear of a snapshot is named in the log. */
  private static final long SLOW_LISTENER_MS = 500;

  private final Map<String, HostSnapshot> latest = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

  @Override
  public List<HostSnapshot> hosts() {
    List<HostSnapshot> out = new ArrayList<>(order.size());
    for (String host : order) {
      HostSnapshot s = latest.get(host);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public Optional<HostSnapshot> host(String name) {
    return Optional.ofNullable(latest.get(name));
  }

  @Override
  public void addListener(SnapshotListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(SnapshotListener listener) {
    listeners.remove(listener);
  }

  void publish(HostSnapshot snapshot) {
    HostSnapshot previous;
    synchronized (this) {
      previous = latest.put(snapshot.host(), snapshot);
      if (previous == null) {
        order.add(snapshot.host());
      }
    }
    tell(previous, snapshot);
  }

  /**
   * Publishes {@code next} only if {@code expected} is still the host's latest snapshot (compare
   * and set): a writer beside the host's collector, such as its watchdog, never overwrites a
   * fresher snapshot. Returns whether it did.
   */
  boolean replace(HostSnapshot expected, HostSnapshot next) {
    synchronized (this) {
      if (latest.get(next.host()) != expected || !latest.replace(next.host(), expected, next)) {
        return false;
      }
    }
    tell(expected, next);
    return true;
  }

  private void tell(HostSnapshot previous, HostSnapshot snapshot) {
    for (SnapshotListener l : listeners) {
      long t0 = System.nanoTime();
      try {
        l.updated(previous, snapshot);
      } catch (RuntimeException | LinkageError e) { // a broken view must not stop collection
        log.warn("snapshot listener {} failed: {}", l.getClass().getSimpleName(), e.toString(), e);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms >= SLOW_LISTENER_MS) {
        // it runs on the host's collection thread: the next collection waits for it
        log.info(
            "{}: snapshot listener {} took {} ms",
            snapshot.host(),
            l.getClass().getSimpleName(),
            ms);
      }
    }
  }

  void event(ObjectEvent event) {
    for (SnapshotListener l : listeners) {
      try {
        l.event(event);
      } catch (RuntimeException | LinkageError e) {
        log.warn("event listener {} failed: {}", l.getClass().getSimpleName(), e.toString(), e);
      }
    }
  }

  void remove(String host) {
    if (latest.remove(host) != null) {
      order.remove(host);
      listeners.forEach(l -> l.removed(host));
    }
  }
}
