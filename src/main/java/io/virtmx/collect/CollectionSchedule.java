/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a host's collection every interval on the host's own thread, skips an interval while the
 * previous collection still runs, and is its watchdog: a collection still running after the timeout
 * is reported to the {@link HostPublisher} ({@link HostPublisher#hung}), which keeps the last
 * snapshot, marked stale. Logs under {@link HostCollector}.
 */
final class CollectionSchedule {
  private static final Logger log = LoggerFactory.getLogger(HostCollector.class);

  private final ScheduledExecutorService scheduler;
  private final ExecutorService hostThread;
  private final Runnable collection;
  private final Duration timeout;
  private final HostPublisher publisher;
  private volatile Future<?> inFlight;
  private volatile ScheduledFuture<?> ticker;

  /** Ticks on {@code scheduler}, runs {@code collection} on {@code hostThread}. */
  CollectionSchedule(
      ScheduledExecutorService scheduler,
      ExecutorService hostThread,
      Runnable collection,
      Duration timeout,
      HostPublisher publisher) {
    this.scheduler = scheduler;
    this.hostThread = hostThread;
    this.collection = collection;
    this.timeout = timeout;
    this.publisher = publisher;
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

  private void tick() {
    Future<?> running = inFlight;
    if (running != null && !running.isDone()) {
      log.debug("{}: previous collection still running; skipping this interval", publisher.name());
      return;
    }
    Future<?> f = hostThread.submit(collection);
    inFlight = f;
    scheduler.schedule(() -> watchdog(f), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void watchdog(Future<?> f) {
    if (!f.isDone()) {
      publisher.hung(timeout);
    }
  }
}
