/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One host's share of the agent's libvirt worker threads: at most {@code budget} of its tasks run
 * at once on the shared pool, the rest wait in its own queue without holding a thread. So a host
 * whose libvirtd hangs in the middle of a collection holds at most its budget of threads, and
 * every other host keeps collecting.
 *
 * <p>The pool must queue rather than refuse a task when its threads are busy (a thread that just
 * finished a task may not be free yet when the next is handed over). Shutting this view down does
 * nothing: the agent shuts the shared pool down.
 */
public final class WorkerBudget extends AbstractExecutorService {
  private final Executor pool;
  private final int budget;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();

  public WorkerBudget(Executor pool, int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1, got " + budget);
    }
    this.pool = pool;
    this.budget = budget;
  }

  @Override
  public void execute(Runnable task) {
    waiting.add(task);
    startWhatFits();
  }

  /** Hands waiting tasks to the pool while fewer than the budget run. */
  private void startWhatFits() {
    while (!waiting.isEmpty()) {
      int now = running.get();
      if (now >= budget) {
        return;
      }
      if (!running.compareAndSet(now, now + 1)) {
        continue;
      }
      Runnable next = waiting.poll();
      if (next == null) {
        running.decrementAndGet();
        continue;
      }
      try {
        pool.execute(() -> runThenStartNext(next));
      } catch (RejectedExecutionException e) {
        running.decrementAndGet();
        throw e;
      }
    }
  }

  private void runThenStartNext(Runnable task) {
    try {
      task.run();
    } finally {
      running.decrementAndGet();
      startWhatFits();
    }
  }

  /** Tasks of this host running now (for tests). */
  int running() {
    return running.get();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
