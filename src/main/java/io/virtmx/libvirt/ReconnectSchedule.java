/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a {@link HostConnection} tries to open again after a failed open or a lost connection: after
 * a capped exponential {@link Backoff} (1 s, doubling up to 60 s, back to 1 s after a success),
 * with at most one attempt pending.
 */
final class ReconnectSchedule {
  private static final Logger log = LoggerFactory.getLogger(HostConnection.class);

  private final String uri;
  private final ScheduledExecutorService scheduler;
  private final Runnable attempt;
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
  private ScheduledFuture<?> pending;

  /** {@code attempt} runs on the {@code scheduler} when a delay is over. */
  ReconnectSchedule(String uri, ScheduledExecutorService scheduler, Runnable attempt) {
    this.uri = uri;
    this.scheduler = scheduler;
    this.attempt = attempt;
  }

  /**
   * Schedules the next attempt unless one is pending; logs it (info) when {@code logIt}, else only
   * at debug, with the host's {@code lastError}.
   */
  synchronized void schedule(boolean logIt, String lastError) {
    if (pending != null && !pending.isDone()) {
      return;
    }
    Duration delay = backoff.nextDelay();
    if (logIt) {
      log.info("{}: next connection attempt in {} s", uri, delay.toSeconds());
    } else {
      log.debug(
          "{}: still unreachable ({}); next attempt in {} s", uri, lastError, delay.toSeconds());
    }
    pending = scheduler.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The pending attempt is running: should it fail, it may schedule the next one. */
  synchronized void attempting() {
    pending = null;
  }

  /** The connection is open: the next loss waits the first delay again. */
  synchronized void succeeded() {
    backoff.reset();
  }

  /** Cancels the pending attempt, if any. */
  synchronized void cancel() {
    if (pending != null) {
      pending.cancel(false);
    }
  }
}
