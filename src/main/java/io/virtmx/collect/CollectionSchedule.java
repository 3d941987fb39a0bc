/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a host's collection every interval on the host's own thread once the agent's {@link
 * CollectionBudget} gives it a turn, skips an interval while the previous collection still waits or
 * runs, and is its watchdog: a collection still running {@code timeout} after its turn began (the
 * wait in line does not count) is reported to the {@link HostPublisher} ({@link
 * HostPublisher#hung}), which keeps the last snapshot, marked stale, and its turn is given back so
 * that a hung host holds up no other host longer than that. Logs under {@link HostCollector}.
 */
final class CollectionSchedule {
  private static final Logger log = LoggerFactory.getLogger(HostCollector.class);

  private final ScheduledExecutorService scheduler;
  private final ExecutorService hostThread;
  private final Runnable collection;
  private final Duration timeout;
  private final HostPublisher publisher;
  private final CollectionBudget budget;
  /** A collection asked for a turn, waits for the host's thread or runs. */
  private final AtomicBoolean pending = new AtomicBoolean();
  /** Another collection was asked for while one was pending: run it when that one ends. */
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile ScheduledFuture<?> ticker;

  /** Ticks on {@code scheduler}, runs {@code collection} on {@code hostThread} in its turn. */
  CollectionSchedule(
      ScheduledExecutorService scheduler,
      ExecutorService hostThread,
      Runnable collection,
      Duration timeout,
      HostPublisher publisher,
      CollectionBudget budget) {
    this.scheduler = scheduler;
    this.hostThread = hostThread;
    this.collection = collection;
    this.timeout = timeout;
    this.publisher = publisher;
    this.budget = budget;
  }

  /** Collects every interval, the first time after {@code firstAfter}. */
  void start(Duration interval, Duration firstAfter) {
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::tick, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether {@link #start} was called: periodic collection is on. */
  boolean started() {
    return ticker != null;
  }

  /** No more ticks; a collection already running goes on. */
  void stop() {
    ScheduledFuture<?> t = ticker;
    if (t != null) {
      t.cancel(false);
    }
  }

  /**
   * A full collection as soon as the budget allows (after a reconnect, an operation): asked for
   * now, or right after the pending one ends.
   */
  void collectSoon() {
    if (pending.compareAndSet(false, true)) {
      budget.request(this::begin);
    } else {
      again.set(true);
    }
  }

  private void tick() {
    if (!pending.compareAndSet(false, true)) {
      log.debug("{}: previous collection still waiting or running; skipping this interval", name());
      return;
    }
    budget.request(this::begin);
  }

  /** The turn began: the collection goes to the host's thread, and its watchdog starts now. */
  private void begin(CollectionBudget.Turn turn) {
    Future<?> f;
    try {
      f = hostThread.submit(() -> run(turn));
    } catch (RejectedExecutionException closed) {
      turn.end();
      pending.set(false);
      return;
    }
    try {
      scheduler.schedule(() -> watchdog(f, turn), timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // the agent is closing: the collection gives its turn back when it returns
    }
  }

  private void run(CollectionBudget.Turn turn) {
    try {
      collection.run();
    } finally {
      turn.end();
      pending.set(false);
      if (again.getAndSet(false)) {
        collectSoon();
      }
    }
  }

  private void watchdog(Future<?> f, CollectionBudget.Turn turn) {
    if (!f.isDone()) {
      publisher.hung(timeout);
      turn.end();
    }
  }

  private String name() {
    return publisher.name();
  }
}
