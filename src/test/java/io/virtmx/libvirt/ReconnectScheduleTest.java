/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconnect attempts: one pending at a time, backing off, back to the first delay on success. */
class ReconnectScheduleTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final ReconnectSchedule schedule =
      new ReconnectSchedule("test:///default", scheduler, () -> {});

  ReconnectScheduleTest() {
    scheduler.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** The delay of the one pending attempt, in whole seconds rounded up. */
  private long pendingSeconds() {
    assertThat(scheduler.getQueue()).hasSize(1);
    long ms = ((Delayed) scheduler.getQueue().peek()).getDelay(TimeUnit.MILLISECONDS);
    return (ms + 999) / 1000;
  }

  @Test
  void oneAttemptIsPendingAtATime() {
    schedule.schedule(true, "");
    schedule.schedule(false, "still down");
    assertThat(pendingSeconds()).isEqualTo(1);
  }

  @Test
  void eachAttemptWaitsLongerUntilOneSucceeds() {
    schedule.schedule(true, "");
    assertThat(pendingSeconds()).isEqualTo(1);
    schedule.cancel();
    schedule.attempting();
    schedule.schedule(false, "still down");
    assertThat(pendingSeconds()).isEqualTo(2);
    schedule.cancel();
    schedule.attempting();
    schedule.succeeded();
    schedule.schedule(true, "");
    assertThat(pendingSeconds()).isEqualTo(1);
  }

  @Test
  void cancelLeavesNothingPending() {
    schedule.schedule(true, "");
    schedule.cancel();
    assertThat(scheduler.getQueue()).isEmpty();
  }
}
