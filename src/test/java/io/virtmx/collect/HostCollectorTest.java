/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.libvirt.Credentials;
import io.virtmx.libvirt.EventLoop;
import io.virtmx.libvirt.HostConnection;
import io.virtmx.model.CollectorRun;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.VolumeSnapshot;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One host's collection on libvirt's in-process test driver, with the collectors chosen. */
class HostCollectorTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final SnapshotStore store = new SnapshotStore();
  private HostCollector collector;
  private Duration timeout = Duration.ofSeconds(10);

  @BeforeAll
  static void eventLoop() {
    EventLoop.start();
  }

  @AfterEach
  void stop() {
    if (collector != null) {
      collector.close();
    }
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  @Test
  void timesEachEnabledCollectorAndLeavesOutTheObjectsOfADisabledOne() throws Exception {
    CollectorRegistry registry = CollectorRegistry.standard();
    HostSnapshot s = start(registry, registry.enabled(Map.of("pools", false))).collectNow();

    assertThat(s.collectorRuns())
        .extracting(CollectorRun::name)
        .containsExactly(
            "node",
            "domains",
            "networks",
            "numa",
            "capabilities",
            "interfaces",
            "nodedevices",
            "nwfilters",
            "secrets");
    assertThat(s.collectorRuns()).allMatch(CollectorRun::success);
    assertThat(s.collectorRuns()).allMatch(r -> r.duration().compareTo(Duration.ZERO) > 0);
    assertThat(s.node()).isNotNull();
    assertThat(s.domain("test")).isPresent();
    assertThat(s.network("default")).isPresent();
    assertThat(s.pools()).isEmpty();
    assertThat(s.errorsByKind()).isEmpty();
  }

  @Test
  void consecutiveSnapshotsShareTheStringsOfUnchangedObjects() throws Exception {
    CollectorRegistry registry = CollectorRegistry.standard();
    start(registry, registry.enabled(Map.of()));
    try (HostConnection.Lease lease = collector.connection().lease().orElseThrow()) {
      lease
          .connect()
          .storagePoolLookupByName("default-pool")
          .storageVolCreateXML(
              "<volume><name>vmx-jmxmem-shared.img</name><capacity>1048576</capacity></volume>", 0)
          .free();
    }
    HostSnapshot first = collector.collectNow();
    HostSnapshot second = collector.collectNow();

    DomainSnapshot before = first.domain("test").orElseThrow();
    DomainSnapshot after = second.domain("test").orElseThrow();
    assertThat(after).isNotSameAs(before);
    assertThat(after.name()).isSameAs(before.name());
    assertThat(after.uuid()).isSameAs(before.uuid());
    assertThat(after.disks().get(0).id()).isSameAs(before.disks().get(0).id());
    VolumeSnapshot volumeBefore = volume(first);
    VolumeSnapshot volumeAfter = volume(second);
    assertThat(volumeAfter).isNotSameAs(volumeBefore);
    assertThat(volumeAfter.name()).isSameAs(volumeBefore.name()).isEqualTo("vmx-jmxmem-shared.img");
    assertThat(volumeAfter.key()).isSameAs(volumeBefore.key());
    assertThat(volumeAfter.path()).isSameAs(volumeBefore.path());
  }

  private static VolumeSnapshot volume(HostSnapshot s) {
    return s.pool("default-pool").orElseThrow().volumes().stream()
        .filter(v -> v.name().equals("vmx-jmxmem-shared.img"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFailingCollectorIsReportedAndKeepsItsPreviousObjects() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HostSnapshot first = start(poolsFailingAfter(1, calls), Set.of("node", "pools")).collectNow();
    assertThat(first.collectorRun("pools"))
        .hasValueSatisfying(r -> assertThat(r.success()).isTrue());

    HostSnapshot second = collector.collectNow();
    assertThat(second.collectorRun("pools"))
        .hasValueSatisfying(r -> assertThat(r.success()).isFalse());
    assertThat(second.collectorRun("node"))
        .hasValueSatisfying(r -> assertThat(r.success()).isTrue());
    assertThat(second.pool("images")).isPresent();
    assertThat(second.errorsByKind()).containsEntry("pool", 1L);
    assertThat(second.stale()).isTrue();
  }

  @Test
  void aFailedEventRefreshIsCountedAsAnError() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(poolsFailingAfter(1, calls), Set.of("pools")).collectNow();

    collector.event(
        collector.connection(),
        new ObjectEvent("", ObjectEvent.Kind.POOL, "images", "", "started", "", Instant.now()));

    await(() -> !store.host("h1").orElseThrow().errorsByKind().isEmpty());
    assertThat(calls).hasValue(2);
    assertThat(store.host("h1").orElseThrow().errorsByKind()).containsEntry("pool", 1L);
    assertThat(store.host("h1").orElseThrow().pool("images")).isPresent();
  }

  @Test
  void theWatchdogMarksAHungCollectionStaleAndTheFreshSnapshotWinsWhenItEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong hungSince = new java.util.concurrent.atomic.AtomicLong();
    CollectorRegistry hanging =
        new CollectorRegistry(
            List.of(
                pools(
                    context -> {
                      if (calls.incrementAndGet() > 1) {
                        hungSince.set(System.nanoTime());
                        release.await();
                      }
                      return List.of();
                    })));
    timeout = Duration.ofMillis(200);
    start(hanging, Set.of("pools")).collectNow();
    collector.start(Duration.ofHours(1));

    await(() -> store.host("h1").orElseThrow().stale());
    assertThat(store.host("h1").orElseThrow().errorsByKind()).containsEntry("timeout", 1L);
    Duration held = Duration.ofNanos(System.nanoTime() - hungSince.get());
    release.countDown();
    await(() -> !store.host("h1").orElseThrow().stale());
    // the run's duration covers the whole hang (the watchdog's 200 ms count from the collection's
    // start, a little before the collector's)
    assertThat(store.host("h1").orElseThrow().collectorRun("pools"))
        .hasValueSatisfying(r -> assertThat(r.duration()).isGreaterThanOrEqualTo(held));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  private HostCollector start(CollectorRegistry registry, Set<String> enabled) {
    collector =
        new HostCollector(
            listener ->
                new HostConnection(
                    "test:///default", false, Credentials.none(), scheduler, listener),
            store,
            scheduler,
            workers,
            timeout,
            registry,
            enabled);
    assertThat(collector.connection().open(false)).isTrue();
    collector.name("h1");
    return collector;
  }

  /** The standard node collector, and a pools collector that fails after {@code good} calls. */
  private static CollectorRegistry poolsFailingAfter(int good, AtomicInteger calls) {
    PoolSnapshot images =
        Snapshots.pool("images").uuid("uuid-pool").sizes(100, 60, 40).path("/images").build();
    return new CollectorRegistry(
        List.of(
            new CollectorRegistry.Entry<>(
                "node",
                "node",
                true,
                null,
                NodeCollector::new,
                HostSnapshot::node,
                HostSnapshot::withNode),
            pools(
                context -> {
                  if (calls.incrementAndGet() > good) {
                    throw new IllegalStateException("pool listing failed");
                  }
                  return List.of(images);
                })));
  }

  /**
   * The standard entry "pools" (error kind "pool", refreshed by pool events) with this collector.
   */
  private static CollectorRegistry.Entry<List<PoolSnapshot>> pools(
      Collector<List<PoolSnapshot>> collector) {
    return new CollectorRegistry.Entry<>(
        "pools",
        "pool",
        true,
        ObjectEvent.Kind.POOL,
        () -> collector,
        HostSnapshot::pools,
        HostSnapshot::withPools);
  }
}
