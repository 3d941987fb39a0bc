/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.libvirt.Credentials;
import io.virtmx.libvirt.EventLoop;
import io.virtmx.libvirt.HostConnection;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.testbed.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hosts taking turns under the agent-wide collection budget: real {@link HostCollector}s on
 * libvirt's in-process test driver, each with a collector that says when it runs and waits on
 * latches, so the order and the overlap are what the threads really did.
 */
class CollectionBudgetTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final SnapshotStore store = new SnapshotStore();
  private final List<HostCollector> hosts = new ArrayList<>();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final CountDownLatch endOfTest = new CountDownLatch(1);

  @BeforeAll
  static void eventLoop() {
    EventLoop.start();
  }

  @AfterEach
  void stop() {
    endOfTest.countDown();
    hosts.forEach(HostCollector::close);
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  @Test
  void aHostThatWaitedGoesBeforeOneThatJustRan() throws Exception {
    CollectionBudget budget = new CollectionBudget(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    HostCollector a = host("a", budget, Duration.ofSeconds(30), releaseA);
    a.start(Duration.ofHours(1));
    Await.until("a collects", () -> ran.equals(List.of("a")), WAIT);
    a.refreshSoon(); // a asks again while it runs: it will ask the moment it ends

    host("b", budget, Duration.ofSeconds(30), null).start(Duration.ofHours(1));
    Await.until("b waits its turn", () -> budget.waiting() == 1, WAIT);
    host("c", budget, Duration.ofSeconds(30), null).start(Duration.ofHours(1));
    Await.until("c waits behind b", () -> budget.waiting() == 2, WAIT);
    assertThat(ran).containsExactly("a");

    releaseA.countDown();
    Await.until("a's second collection done", () -> ran.size() == 4, WAIT);
    assertThat(ran).containsExactly("a", "b", "c", "a");
    Await.until("every turn given back", () -> budget.running() == 0, WAIT);
    assertThat(budget.waiting()).isZero();
  }

  @Test
  void noMoreThanTheLimitCollectAtOnce() throws Exception {
    CollectionBudget budget = new CollectionBudget(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (String name : List.of("a", "b", "c", "d", "e")) {
      hostWith(name, budget, Duration.ofSeconds(30), counting(now, most, release))
          .start(Duration.ofHours(1));
    }
    Await.until("two collect, three wait", () -> now.get() == 2 && budget.waiting() == 3, WAIT);
    release.countDown();
    Await.until("every host collected", () -> ran.size() == 5, WAIT);
    assertThat(most).hasValue(2);
    assertThat(ran).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
  }

  @Test
  void aHungHostGivesItsTurnBackAtItsTimeoutAndTheWaitInLineIsNotCounted() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    CollectionBudget budget = new CollectionBudget(1);
    HostCollector a = host("a", budget, timeout, endOfTest, 2); // its second call hangs
    a.collectNow();
    a.start(Duration.ofHours(1));
    Await.until("a collects again", () -> ran.equals(List.of("a", "a")), WAIT);

    // b runs until c has waited longer than the timeout: the marker, scheduled on the watchdogs'
    // scheduler with the same delay right after c asked, runs after anything due by then
    CountDownLatch cWaitedATimeout = new CountDownLatch(1);
    host("b", budget, Duration.ofSeconds(30), cWaitedATimeout).start(Duration.ofHours(1));
    Await.until("b waits", () -> budget.waiting() == 1, WAIT);
    host("c", budget, timeout, null).start(Duration.ofHours(1));
    Await.until("c waits", () -> budget.waiting() == 2, WAIT);
    scheduler.schedule(cWaitedATimeout::countDown, timeout.toMillis(), TimeUnit.MILLISECONDS);

    Await.until("c collected", () -> store.host("c").isPresent(), WAIT);
    assertThat(ran).containsExactly("a", "a", "b", "c");
    HostSnapshot hung = store.host("a").orElseThrow();
    assertThat(hung.stale()).isTrue();
    assertThat(hung.errorsByKind()).containsEntry("timeout", 1L);
    for (String waited : List.of("b", "c")) {
      HostSnapshot s = store.host(waited).orElseThrow();
      assertThat(s.stale()).as(waited).isFalse();
      assertThat(s.errorsByKind()).as(waited).doesNotContainKey("timeout");
    }
    assertThat(budget.running()).as("a's turn was given back; b and c ended theirs").isZero();
  }

  /** A collector that counts how many run at once and waits for {@code release}. */
  private Collector<List<PoolSnapshot>> counting(
      AtomicInteger now, AtomicInteger most, CountDownLatch release) {
    return context -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        release.await();
      } finally {
        now.decrementAndGet();
      }
      return List.of();
    };
  }

  /**
   * A host named {@code name} on its own test-driver connection whose only collector records its
   * name and, the first time, waits for {@code firstWaitsFor} (if given).
   */
  private HostCollector host(
      String name, CollectionBudget budget, Duration timeout, CountDownLatch firstWaitsFor) {
    return host(name, budget, timeout, firstWaitsFor, 1);
  }

  /** As above, the collector's call number {@code waitingCall} waiting for {@code waitsFor}. */
  private HostCollector host(
      String name,
      CollectionBudget budget,
      Duration timeout,
      CountDownLatch waitsFor,
      int waitingCall) {
    AtomicInteger calls = new AtomicInteger();
    return hostWith(
        name,
        budget,
        timeout,
        context -> {
          if (calls.incrementAndGet() == waitingCall && waitsFor != null) {
            waitsFor.await();
          }
          return List.of();
        });
  }

  private HostCollector hostWith(
      String name,
      CollectionBudget budget,
      Duration timeout,
      Collector<List<PoolSnapshot>> collector) {
    Collector<List<PoolSnapshot>> recorded =
        context -> {
          ran.add(name);
          return collector.collect(context);
        };
    CollectorRegistry registry =
        new CollectorRegistry(
            List.of(
                new CollectorRegistry.Entry<>(
                    "pools",
                    "pool",
                    true,
                    ObjectEvent.Kind.POOL,
                    () -> recorded,
                    HostSnapshot::pools,
                    HostSnapshot::withPools)));
    HostCollector host =
        new HostCollector(
            listener ->
                new HostConnection(
                    "test:///default", false, Credentials.none(), scheduler, listener),
            store,
            scheduler,
            workers,
            timeout,
            registry,
            Set.of("pools"),
            budget);
    hosts.add(host);
    assertThat(host.connection().open(false)).isTrue();
    host.name(name);
    return host;
  }
}
