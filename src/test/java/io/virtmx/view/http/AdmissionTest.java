/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
  private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final InetAddress a = address(1);
  private final InetAddress b = address(2);

  private static InetAddress address(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) last});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    scheduler.start();
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.stop();
  }

  /** Runs admitted work on the releasing thread, so the order is the admission order. */
  private Admission admission(int permits, int perAddress, long bytes) {
    return new Admission(permits, perAddress, bytes, null, Runnable::run, scheduler);
  }

  private void admit(Admission adm, InetAddress client, String name, long bytes, long wait) {
    adm.admit(
        client, bytes, wait, () -> events.add("run " + name), () -> events.add("refused " + name));
  }

  /** Bodiless requests a0 to a3 from address a, then b1 from b, each willing to wait a minute. */
  private void fourFromAThenOneFromB(Admission adm) {
    for (int i = 0; i < 4; i++) {
      admit(adm, a, "a" + i, 0, MINUTE);
    }
    admit(adm, b, "b1", 0, MINUTE);
  }

  @Test
  void waitingAddressesTakeTurns() {
    Admission adm = admission(1, 8, 1 << 20);
    fourFromAThenOneFromB(adm);
    assertThat(events).containsExactly("run a0");
    for (int i = 0; i < 4; i++) {
      adm.release();
    }
    assertThat(events).containsExactly("run a0", "run a1", "run b1", "run a2", "run a3");
  }

  @Test
  void anAddressMayHaveOnlyAFewRequestsWaiting() {
    Admission adm = admission(1, 2, 1 << 20);
    fourFromAThenOneFromB(adm);
    assertThat(events).containsExactly("run a0", "refused a3");
    assertThat(adm.waiting()).isEqualTo(3);
  }

  @Test
  void waitingBodiesAreBounded() {
    Admission adm = admission(1, 8, 1000);
    admit(adm, a, "a0", 900, MINUTE);
    admit(adm, a, "a1", 900, MINUTE);
    admit(adm, b, "b1", 200, MINUTE);
    assertThat(events).containsExactly("run a0", "refused b1");
  }

  @Test
  void spentCpuKeepsTheNextRequestWaitingUntilTheBudgetRefills() throws Exception {
    // 10 % of a core, no burst: a request that used 50 ms of CPU holds the next for about 0.5 s
    Admission adm =
        new Admission(1, 8, 1 << 20, new Admission.CpuBudget(0.1, 1), Runnable::run, scheduler);
    admit(adm, a, "a0", 0, MINUTE);
    CountDownLatch ran = new CountDownLatch(1);
    adm.admit(b, 0, MINUTE, ran::countDown, () -> events.add("refused b1"));
    long t0 = System.nanoTime();
    adm.release(50_000_000L);
    assertThat(ran.getCount()).as("not let in at once").isEqualTo(1);
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(300L, 3000L);
  }

  @Test
  void aRequestThatWaitsTooLongIsRefused() throws Exception {
    Admission adm = admission(1, 8, 1 << 20);
    admit(adm, a, "a0", 0, MINUTE);
    CountDownLatch refused = new CountDownLatch(1);
    adm.admit(
        b, 0, TimeUnit.MILLISECONDS.toNanos(50), () -> events.add("run b1"), refused::countDown);
    assertThat(refused.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(adm.waiting()).isZero();
    adm.release();
    assertThat(events).containsExactly("run a0");
  }
}
