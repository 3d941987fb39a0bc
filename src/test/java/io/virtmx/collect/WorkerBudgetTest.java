/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerBudgetTest {
  @Test
  void aHungHostHoldsItsBudgetAndTheOtherHostStillRuns() throws Exception {
    ExecutorService pool =
        new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    try {
      WorkerBudget hung = new WorkerBudget(pool, 2);
      WorkerBudget healthy = new WorkerBudget(pool, 2);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger hungStarted = new AtomicInteger();
      List<Future<?>> stuck = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        stuck.add(
            hung.submit(
                () -> {
                  hungStarted.incrementAndGet();
                  release.await();
                  return null;
                }));
      }

      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        done.add(healthy.submit(() -> n));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(done.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
      }
      // its two budgeted tasks start (on a loaded machine maybe only after the healthy ones)...
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (hungStarted.get() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      // ...and no more than those, though 20 healthy tasks have come and gone beside them
      assertThat(hungStarted.get()).as("the hung host runs only its budget").isEqualTo(2);
      assertThat(hung.running()).isEqualTo(2);

      release.countDown();
      for (Future<?> f : stuck) {
        f.get(5, TimeUnit.SECONDS);
      }
      assertThat(hungStarted.get()).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }
}
