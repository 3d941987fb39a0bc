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
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * past the timeout, unless a fresher snapshot was published meanwhile.
 */
public final class HostCollector implements ConnectionListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HostCollector.class);

  private final HostConnection connection;
  private final SnapshotStore store;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final Duration timeout;
  private final ExecutorService own;
  private final CollectorRunner collectors;
  private final Map<String, Long> errorTotals = new TreeMap<>();

  private volatile String name;
  private volatile Future<?> inFlight;
  private volatile ScheduledFuture<?> ticker;

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
   * CollectorRegistry#enabled}).
   */
  public HostCollector(
      HostConnection.Factory connections,
      SnapshotStore store,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      Duration timeout,
      CollectorRegistry registry,
      Set<String> enabled) {
    this.collectors = new CollectorRunner(registry, enabled);
    this.connection = connections.create(this);
    this.store = store;
    this.scheduler = scheduler;
    this.workers = workers;
    this.timeout = timeout;
    this.own =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "virtmx-collect-" + connection.uri());
              t.setDaemon(true);
              return t;
            });
  }

  public HostConnection connection() {
    return connection;
  }

  public String name() {
    return name;
  }

  /**
   * Sets the name the host is published under; done once, before {@link #start} or {@link
   * #collectNow}.
   */
  public void name(String hostName) {
    this.name = hostName;
  }

  /** Collects every interval from now on (the first right away). */
  public void start(Duration interval) {
    ticker =
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs one full collection and waits for it, at most the timeout; for one-shot use. */
  public HostSnapshot collectNow() throws TimeoutException, InterruptedException {
    Future<?> f = own.submit(this::collectAll);
    try {
      f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return store.host(name).orElseThrow();
  }

  private void tick() {
    Future<?> running = inFlight;
    if (running != null && !running.isDone()) {
      log.debug("{}: previous collection still running; skipping this interval", name);
      return;
    }
    Future<?> f = own.submit(this::collectAll);
    inFlight = f;
    scheduler.schedule(() -> watchdog(f), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void watchdog(Future<?> f) {
    if (f.isDone()) {
      return;
    }
    log.warn(
        "{}: collection still running after {} s; keeping the last snapshot, marked stale",
        name,
        timeout.toSeconds());
    count(Map.of("timeout", 1L));
    // Runs on the scheduler thread beside the slow collection: publish the stale copy only if no
    // fresher snapshot was published since it was read.
    store
        .host(name)
        .ifPresent(s -> store.replace(s, s.markedStale(s.up(), Instant.now(), errors())));
  }

  private void collectAll() {
    try {
      collectAllOnce();
    } catch (RuntimeException e) {
      // A bug of ours, not a libvirt failure: say so loudly, keep the agent collecting at the next
      // interval.
      log.error("{}: collection failed unexpectedly: {}", name, e.toString(), e);
      count(Map.of("internal", 1L));
    }
  }

  private void collectAllOnce() {
    HostSnapshot previous = store.host(name).orElse(null);
    Optional<HostConnection.Lease> lease = connection.lease();
    if (lease.isEmpty()) {
      publishDown(previous);
      return;
    }
    try (HostConnection.Lease l = lease.get()) {
      collectAllWith(l.connect(), previous);
    }
  }

  private void collectAllWith(NativeConnect conn, HostSnapshot previous) {
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    CollectionContext context = new CollectionContext(conn, previous, workers);
    HostSnapshot parts = HostSnapshot.unreachable(name, connection.uri(), start, Map.of());
    List<CollectorRun> runs = new ArrayList<>(collectors.size());
    parts = collectors.collect(context, previous, parts, runs, this::failed);
    if (connection.state() != HostConnection.State.UP) {
      publishDown(previous);
      return;
    }
    List<DomainSnapshot> doms =
        RateCalculator.apply(previous == null ? List.of() : previous.domains(), parts.domains());
    Map<String, Long> errs = context.errors();
    count(errs);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    boolean complete = errs.isEmpty();
    Instant lastSuccess = complete ? start : previous == null ? null : previous.lastSuccess();
    store.publish(
        new HostSnapshot(
            name,
            connection.uri(),
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
            runs));
    log.debug(
        "{}: collected {} domains, {} pools, {} networks in {} ms",
        name,
        doms.size(),
        parts.pools().size(),
        parts.networks().size(),
        took.toMillis());
  }

  /** A collector or refresh threw: said loudly unless the connection itself is gone. */
  private void failed(String what, Exception e) {
    if (connection.checkAlive()) {
      log.warn("{}: {} failed: {}", name, what, e.getMessage());
    }
  }

  private void publishDown(HostSnapshot previous) {
    Instant now = Instant.now();
    if (previous == null) {
      store.publish(HostSnapshot.unreachable(name, connection.uri(), now, errors()));
    } else if (previous.up() || !previous.stale()) {
      store.publish(previous.markedStale(false, now, errors()));
    }
  }

  private synchronized void count(Map<String, Long> errs) {
    errs.forEach((k, v) -> errorTotals.merge(k, v, Long::sum));
  }

  private synchronized Map<String, Long> errors() {
    return Map.copyOf(errorTotals);
  }

  @Override
  public void connected(HostConnection c) {
    if (name != null && ticker != null) {
      own.execute(this::collectAll);
    }
  }

  @Override
  public void lost(HostConnection c, String reason) {
    if (name != null) {
      count(Map.of("connection", 1L));
      own.execute(() -> publishDown(store.host(name).orElse(null)));
    }
  }

  @Override
  public void event(HostConnection c, ObjectEvent event) {
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
          store.event(named);
        });
  }

  /**
   * Brings the object an event is about up to date in the snapshot, without a full collection.
   * Nothing is refreshed for a kind whose collector is switched off. A failure is counted as an
   * error of the object's kind.
   */
  private void refresh(ObjectEvent event) {
    HostSnapshot current = store.host(name).orElse(null);
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
      count(context.errors());
      store.publish(next.withErrors(errors()));
      log.debug(
          "{}: refreshed {} {} after {}",
          name,
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
          HostSnapshot current = store.host(name).orElse(null);
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
                    name,
                    kind,
                    objectName,
                    known.get().uuid(),
                    "changed",
                    "operation",
                    Instant.now()));
          } else {
            refresh(
                new ObjectEvent(name, kind, objectName, "", "changed", "operation", Instant.now()));
          }
        });
  }

  /** Asks for a full collection as soon as possible. */
  public void refreshSoon() {
    own.execute(this::collectAll);
  }

  @Override
  public void close() {
    ScheduledFuture<?> t = ticker;
    if (t != null) {
      t.cancel(false);
    }
    own.shutdownNow();
    connection.close();
  }
}
