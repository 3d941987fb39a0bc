/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx;

import io.virtmx.collect.WorkerBudget;

import java.util.concurrent.LinkedBlockingQueue;

import java.util.concurrent.TimeUnit;

import java.util.concurrent.ThreadPoolExecutor;

import io.virtmx.collect.CollectionBudget;
import io.virtmx.collect.CollectorRegistry;
import io.virtmx.collect.GuestSettings;
import io.virtmx.collect.HostCollector;
import io.virtmx.collect.SnapshotStore;
import io.virtmx.config.AgentConfig;
import io.virtmx.config.DomainOptions;
import io.virtmx.config.HostSpec;
import io.virtmx.libvirt.Credentials;
import io.virtmx.libvirt.EventLoop;
import io.virtmx.libvirt.HostConnection;
import io.virtmx.libvirt.MetadataLabels;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.ConfinedPaths;
import io.virtmx.ops.MigrationDestinations;
import io.virtmx.ops.HostConnections;
import io.virtmx.ops.Operations;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Wires the agent together: one connection and one collector per configured host, feeding one
 * snapshot store that the views read. Views are attached by the command line once the hosts are
 * open.
 */
public final class Agent implements AutoCloseable {
  private final AgentConfig config;
  private final SnapshotStore store = new SnapshotStore();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(1, daemon("virtmx-scheduler"));
  private final ExecutorService workers;
  private final List<HostCollector> collectors = new ArrayList<>();
  private final Operations operations;

  public Agent(AgentConfig config) {
    this.config = config.validate();
    // Each host may have config.workers() libvirt calls in flight (libvirtd's per-client limit): its
    // WorkerBudget on one pool with a thread for every host's budget, threads ended after 30 s
    // idle, so a host that hangs holds its budget and no more.
    int threads = config.workers() * Math.max(1, config.hosts().size());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("virtmx-libvirt-worker"));
    pool.allowCoreThreadTimeOut(true);
    this.workers = pool;
    CollectorRegistry registry = CollectorRegistry.standard(guestSettings(config.domainOptions()));
    Set<String> enabled = registry.enabled(config.collectors());
    CollectionBudget budget = new CollectionBudget(config.maxCollections());
    EventLoop.start();
    for (HostSpec spec : config.hosts()) {
      AgentConfig.Credential c = config.credentialFor(spec.uri());
      Credentials credentials =
          c == null ? Credentials.none() : new Credentials(c.username(), c.password());
      collectors.add(
          new HostCollector(
              listener ->
                  new HostConnection(
                      spec.uri(), config.readOnly(), credentials, scheduler, listener),
              store,
              scheduler,
              new WorkerBudget(workers, config.workers()),
              config.timeout(),
              registry,
              enabled,
              budget));
    }
    this.operations =
        new Operations(
            new Connections(),
            config.readOnly(),
            ConfinedPaths.of("--save-dir", config.files().saveDirs()),
            ConfinedPaths.of("--disk-dir", config.files().diskDirs()),
            MigrationDestinations.of(
                config.files().migrateAllow(),
                config.hosts().stream().map(HostSpec::uri).toList()));
  }

  /** The operations service shared by every view. */
  public Operations operations() {
    return operations;
  }

  /** The operations service's view of the hosts: by published name. */
  private final class Connections implements HostConnections {
    private Optional<HostCollector> byName(String host) {
      return collectors.stream().filter(c -> host != null && host.equals(c.name())).findFirst();
    }

    @Override
    public Optional<NativeConnect> connection(String host) {
      return byName(host).flatMap(c -> c.connection().current());
    }

    @Override
    public boolean knows(String host) {
      return byName(host).isPresent();
    }

    @Override
    public void refreshSoon(String host) {
      byName(host).ifPresent(HostCollector::refreshSoon);
    }

    @Override
    public void changed(String host, ObjectEvent.Kind kind, String name) {
      byName(host).ifPresent(c -> c.changed(kind, name));
    }

    @Override
    public void jobStarting(String host, String domain) {
      byName(host).ifPresent(c -> c.followJob(domain));
    }
  }

  public SnapshotSource snapshots() {
    return store;
  }

  public List<HostCollector> collectors() {
    return List.copyOf(collectors);
  }

  /**
   * Opens every host once, now, and names it. Returns one line per host that could not be opened
   * ("qemu+ssh://hv2/system: Cannot recv data: …"); with {@code retry} those keep trying in the
   * background.
   */
  public List<String> open(boolean retry) {
    List<String> failures = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < collectors.size(); i++) {
      HostCollector collector = collectors.get(i);
      HostConnection connection = collector.connection();
      if (!connection.open(retry)) {
        failures.add(connection.uri() + ": " + connection.lastError());
      }
      collector.name(uniqueName(config.hosts().get(i), connection, taken));
    }
    return failures;
  }

  /**
   * Starts periodic collection on every host, every host asking for its first turn at once: the
   * agent-wide {@link CollectionBudget} ({@code --max-collections}) lets as many collect together
   * as there are CPUs and the others follow in the order they asked, so that many hosts on few cores
   * do not all collect together and each outlast the timeout (docs/benchmarks.md, "Many hosts").
   */
  public void start() {
    for (HostCollector c : collectors) {
      c.start(config.interval());
    }
  }

  /** {@link #collectOnce(Duration, Consumer)} with nothing to do meanwhile. */
  public List<HostSnapshot> collectOnce(Duration gap)
      throws TimeoutException, InterruptedException {
    return collectOnce(gap, first -> {});
  }

  /**
   * Collects every host now, and again once {@code gap} has passed since the last domain of that
   * first round was read, so that rates are computed over at least {@code gap}; returns the second
   * samples. {@code meanwhile} gets the first samples and runs within the gap (the command line
   * renders them once, so that the second rendering finds its classes loaded); what the first
   * collections do after reading the domains (pools, networks, the node's resources, the guest
   * agents) runs within the gap too.
   */
  public List<HostSnapshot> collectOnce(Duration gap, Consumer<List<HostSnapshot>> meanwhile)
      throws TimeoutException, InterruptedException {
    long firstRead = System.nanoTime();
    List<HostSnapshot> first = new ArrayList<>();
    for (HostCollector c : collectors) {
      first.add(c.collectNow());
    }
    for (HostSnapshot s : first) {
      for (DomainSnapshot d : s.domains()) {
        firstRead = Math.max(firstRead, d.sample().monotonicNanos());
      }
    }
    meanwhile.accept(first);
    long left = firstRead + gap.toNanos() - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
    List<HostSnapshot> out = new ArrayList<>();
    for (HostCollector c : collectors) {
      out.add(c.collectNow());
    }
    return out;
  }

  private static String uniqueName(HostSpec spec, HostConnection connection, Set<String> taken) {
    String base =
        spec.name() != null
            ? spec.name()
            : connection.hostname().orElseGet(() -> fallbackName(spec.uri()));
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** The name of a host never reached yet: the URI's server, or this machine for a local URI. */
  private static String fallbackName(String uri) {
    String server = URI.create(uri).getHost();
    if (server != null && !server.isEmpty()) {
      return server;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops collecting and closes every connection; a second call does nothing. */
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Loads libvirt and starts its process-wide event loop, as the first agent of the process does;
   * the command line calls it early, on a thread of its own, to overlap it with its parsing.
   */
  public static void prepareLibvirt() {
    EventLoop.start();
  }

  /**
   * Ends the process-wide libvirt event loop once this agent, the last in the process, is closed and
   * the process is about to exit (a quicker exit; see {@link EventLoop#stopForExit()}).
   */
  public static void endEventLoopForExit() {
    EventLoop.stopForExit();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    collectors.forEach(HostCollector::close);
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  /** The domain collector's guest and label settings; a bad {@code --label} is refused here. */
  private static GuestSettings guestSettings(DomainOptions options) {
    return new GuestSettings(
        options.guestInterval(),
        options.guestTimeout(),
        MetadataLabels.of(options.labels(), options.labelNamespaces()));
  }
}
