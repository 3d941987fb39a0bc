/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.ConnectionListener;
import io.virtmx.libvirt.HostConnection;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.CollectorRun;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one host's snapshot current: a full collection every interval and right after
 * (re)connecting, a refresh of just the affected object on every libvirt event. A collection runs
 * the enabled collectors of a {@link CollectorRegistry} in order, timing each ({@link
 * io.virtmx.model.CollectorRun} in the snapshot). All libvirt work for the host runs on its own
 * single thread, so refreshes never race; a watchdog marks the snapshot stale when a call hangs
 * past the timeout, unless a fresher snapshot was published meanwhile. The interval, the turns of
 * the agent-wide {@link CollectionBudget} and the watchdog are its {@link CollectionSchedule}; what
 * goes into the store, with the host's error counts, its {@link HostPublisher}.
 */
public final class HostCollector implements ConnectionListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HostCollector.class);

  private final HostConnection connection;
  private final ExecutorService workers;
  private final Duration timeout;
  private final ExecutorService own;
  private final CollectorRunner collectors;
  private final HostPublisher publisher;
  private final CollectionSchedule schedule;
  private final JobSampler jobs;

  /** A collector with every standard collector enabled. */
  public HostCollector(
      HostConnection.Factory connections,
      SnapshotStore store,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      Duration timeout) {
    this(
        connections,
        store,
        scheduler,
        workers,
        timeout,
        CollectorRegistry.standard(),
        CollectorRegistry.standard().defaults());
  }

  /**
   * A collector running the {@code enabled} collectors of {@code registry} (see {@link
   * CollectorRegistry#enabled}), collecting whenever its schedule says, with no agent-wide limit.
   */
  public HostCollector(
      HostConnection.Factory connections,
      SnapshotStore store,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      Duration timeout,
      CollectorRegistry registry,
      Set<String> enabled) {
    this(
        connections,
        store,
        scheduler,
        workers,
        timeout,
        registry,
        enabled,
        CollectionBudget.unlimited());
  }

  /**
   * A collector running the {@code enabled} collectors of {@code registry}, each full collection
   * (periodic, or after a reconnect or an operation) in a turn of the agent-wide {@code budget}.
   */
  public HostCollector(
      HostConnection.Factory connections,
      SnapshotStore store,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      Duration timeout,
      CollectorRegistry registry,
      Set<String> enabled,
      CollectionBudget budget) {
    this.collectors = new CollectorRunner(registry, enabled);
    this.connection = connections.create(this);
    this.workers = workers;
    this.timeout = timeout;
    this.own =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "virtmx-collect-" + connection.uri());
              t.setDaemon(true);
              return t;
            });
    this.publisher = new HostPublisher(store, connection.uri());
    this.schedule =
        new CollectionSchedule(scheduler, own, this::collectAll, timeout, publisher, budget);
    this.jobs = new JobSampler(scheduler, own, connection, publisher);
  }

  public HostConnection connection() {
    return connection;
  }

  public String name() {
    return publisher.name();
  }

  /**
   * Sets the name the host is published under; done once, before {@link #start} or {@link
   * #collectNow}.
   */
  public void name(String hostName) {
    publisher.name(hostName);
  }

  /** Collects every interval from now on (the first right away). */
  public void start(Duration interval) {
    start(interval, Duration.ZERO);
  }

  /** Collects every interval, the first time after {@code firstAfter}. */
  public void start(Duration interval, Duration firstAfter) {
    schedule.start(interval, firstAfter);
  }

  /**
   * Runs one full collection and waits for it, at most the timeout; for one-shot use, so the first
   * round of guest agents is awaited (a long-running agent publishes without waiting for it).
   */
  public HostSnapshot collectNow() throws TimeoutException, InterruptedException {
    Future<?> f = own.submit(() -> collectAll(true));
    try {
      f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return publisher.latest().orElseThrow();
  }

  private void collectAll() {
    collectAll(false);
  }

  private void collectAll(boolean oneShot) {
    try {
      collectAllOnce(oneShot);
    } catch (RuntimeException e) {
      // A bug of ours, not a libvirt failure: say so loudly, keep the agent collecting at the next
      // interval.
      log.error("{}: collection failed unexpectedly: {}", name(), e.toString(), e);
      publisher.count(Map.of("internal", 1L));
    }
  }

  private void collectAllOnce(boolean oneShot) {
    HostSnapshot previous = publisher.latest().orElse(null);
    Optional<HostConnection.Lease> lease = connection.lease();
    if (lease.isEmpty()) {
      publisher.down(previous);
      return;
    }
    try (HostConnection.Lease l = lease.get()) {
      collectAllWith(l.connect(), previous, oneShot);
    }
  }

  private void collectAllWith(NativeConnect conn, HostSnapshot previous, boolean oneShot) {
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    CollectionContext context = new CollectionContext(conn, previous, workers, oneShot);
    HostSnapshot parts = HostSnapshot.unreachable(name(), connection.uri(), start, Map.of());
    List<CollectorRun> runs = new ArrayList<>(collectors.size());
    parts = collectors.collect(context, previous, parts, runs, this::failed);
    if (connection.state() != HostConnection.State.UP) {
      publisher.down(previous);
      return;
    }
    publisher.collected(previous, parts, runs, context.errors(), start, t0);
    jobs.follow();
  }

  /** A collector or refresh threw: said loudly unless the connection itself is gone. */
  private void failed(String what, Exception e) {
    if (connection.checkAlive()) {
      log.warn("{}: {} failed: {}", name(), what, e.getMessage());
    }
  }

  @Override
  public void connected(HostConnection c) {
    if (name() != null && schedule.started()) {
      schedule.collectSoon();
    }
  }

  @Override
  public void lost(HostConnection c, String reason) {
    if (name() != null) {
      publisher.count(Map.of("connection", 1L));
      own.execute(() -> publisher.down(publisher.latest().orElse(null)));
    }
  }

  @Override
  public void event(HostConnection c, ObjectEvent event) {
    String name = name();
    if (name == null) {
      return;
    }
    ObjectEvent named = event.withHost(name);
    log.info(
        "{}: {} {} {}{}",
        name,
        named.kind().name().toLowerCase(java.util.Locale.ROOT),
        named.name(),
        named.event(),
        named.detail().isEmpty() ? "" : " (" + named.detail() + ")");
    own.execute(
        () -> {
          refresh(named);
          publisher.event(named);
        });
  }

  /**
   * Brings the object an event is about up to date in the snapshot, without a full collection.
   * Nothing is refreshed for a kind whose collector is switched off. A failure is counted as an
   * error of the object's kind.
   */
  private void refresh(ObjectEvent event) {
    HostSnapshot current = publisher.latest().orElse(null);
    if (current == null || !collectors.refreshes(event.kind())) {
      return;
    }
    Optional<HostConnection.Lease> lease = connection.lease();
    if (lease.isEmpty()) {
      return;
    }
    try (HostConnection.Lease l = lease.get()) {
      CollectionContext context = new CollectionContext(l.connect(), current, workers);
      HostSnapshot next = collectors.refresh(context, current, event, this::failed);
      publisher.refreshed(next, context.errors());
      jobs.follow();
      log.debug(
          "{}: refreshed {} {} after {}",
          name(),
          event.kind().name().toLowerCase(java.util.Locale.ROOT),
          event.name(),
          event.event());
    }
  }

  /**
   * An operation changed one object: refresh it now, as an event would (some changes, autostart for
   * one, have no libvirt event). A domain not in the snapshot yet (just defined) is looked up by a
   * full collection.
   */
  public void changed(ObjectEvent.Kind kind, String objectName) {
    own.execute(
        () -> {
          HostSnapshot current = publisher.latest().orElse(null);
          if (current == null) {
            return;
          }
          if (kind == ObjectEvent.Kind.DOMAIN) {
            Optional<DomainSnapshot> known = current.domain(objectName);
            if (known.isEmpty()) {
              collectAll();
              return;
            }
            collectors.invalidateDomain(known.get().uuid());
            refresh(
                new ObjectEvent(
                    name(),
                    kind,
                    objectName,
                    known.get().uuid(),
                    "changed",
                    "operation",
                    Instant.now()));
          } else {
            refresh(
                new ObjectEvent(
                    name(), kind, objectName, "", "changed", "operation", Instant.now()));
          }
        });
  }

  /** An operation is starting a job on the domain: sample it every second until it ends. */
  public void followJob(String domain) {
    jobs.watch(domain);
  }

  /**
   * Asks for a full collection as soon as possible: in the host's next turn once periodic
   * collection is on, else right away on its thread.
   */
  public void refreshSoon() {
    if (schedule.started()) {
      schedule.collectSoon();
    } else {
      own.execute(this::collectAll);
    }
  }

  @Override
  public void close() {
    schedule.stop();
    own.shutdownNow();
    connection.close();
  }
}
