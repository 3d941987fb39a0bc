/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Lets requests into a view's work without holding a thread while they wait: at most {@code
 * permits} run at once; the others wait in a queue that is fair between client addresses — each
 * waiting address gets the next free permit in turn, so a client with a hundred requests queued
 * delays another client by at most one request per waiting address. A request waits at most its
 * deadline; an address may have only a few requests waiting, and all waiting requests together only
 * so many body bytes; beyond either, or past the deadline, the request is refused (503).
 *
 * <p>With a {@link CpuBudget}, the work admitted also uses at most a share of one core on average:
 * the CPU time each request took is spent from a bucket refilled at that rate, and while it is
 * empty nobody new is let in — so clients, however many, cannot take more than that share from the
 * collection and libvirtd.
 */
final class Admission {
  /**
   * CPU time the admitted work may use: refilled at {@code share} of one core, {@code burst} at
   * most.
   */
  static final class CpuBudget {
    private final double share;
    private final long burstNanos;
    private long tokens;
    private long last;

    CpuBudget(double share, long burstNanos) {
      this.share = share;
      this.burstNanos = burstNanos;
      this.tokens = burstNanos;
      this.last = System.nanoTime();
    }

    private void refill(long now) {
      tokens = Math.min(burstNanos, tokens + (long) ((now - last) * share));
      last = now;
    }

    boolean available(long now) {
      refill(now);
      return tokens > 0;
    }

    void spend(long cpuNanos) {
      tokens -= cpuNanos;
    }

    long nanosUntilAvailable() {
      return tokens > 0 ? 0 : (long) (-tokens / share) + 1;
    }
  }

  /** One waiting request: what to run when admitted, what to do when refused. */
  private static final class Waiter {
    final InetAddress client;
    final long bytes;
    final Runnable run;
    final Runnable refuse;
    Scheduler.Task timeout;

    Waiter(InetAddress client, long bytes, Runnable run, Runnable refuse) {
      this.client = client;
      this.bytes = bytes;
      this.run = run;
      this.refuse = refuse;
    }
  }

  private final int permits;
  private final int maxWaitingPerAddress;
  private final long maxWaitingBytes;
  private final Executor executor;
  private final Scheduler scheduler;

  /** Waiting requests by address, addresses in the order of their turn. */
  private final Map<InetAddress, ArrayDeque<Waiter>> waiting = new LinkedHashMap<>();

  private final CpuBudget cpu;
  private int running;
  private long waitingBytes;
  private boolean wakeUpScheduled;

  /**
   * @param cpu null for no CPU budget
   */
  Admission(
      int permits,
      int maxWaitingPerAddress,
      long maxWaitingBytes,
      CpuBudget cpu,
      Executor executor,
      Scheduler scheduler) {
    this.cpu = cpu;
    this.permits = permits;
    this.maxWaitingPerAddress = maxWaitingPerAddress;
    this.maxWaitingBytes = maxWaitingBytes;
    this.executor = executor;
    this.scheduler = scheduler;
  }

  /**
   * Runs {@code run} now (on the calling thread) when a permit is free and nobody waits; else
   * queues it for at most {@code maxWaitNanos}; else calls {@code refuse}. Whoever runs {@code run}
   * must call {@link #release} when the work is done.
   */
  void admit(InetAddress client, long bytes, long maxWaitNanos, Runnable run, Runnable refuse) {
    boolean now;
    boolean refused = false;
    synchronized (this) {
      now = running < permits && waiting.isEmpty() && budgetLeft();
      if (now) {
        running++;
      } else {
        ArrayDeque<Waiter> queue = waiting.get(client);
        if ((queue != null && queue.size() >= maxWaitingPerAddress)
            || waitingBytes + bytes > maxWaitingBytes
            || maxWaitNanos <= 0) {
          refused = true;
        } else {
          Waiter w = new Waiter(client, bytes, run, refuse);
          waiting.computeIfAbsent(client, a -> new ArrayDeque<>()).add(w);
          waitingBytes += bytes;
          w.timeout = scheduler.schedule(() -> expire(w), maxWaitNanos, TimeUnit.NANOSECONDS);
        }
      }
    }
    if (now) {
      run.run();
    } else if (refused) {
      refuse.run();
    }
  }

  /** Gives a permit back, with the CPU time the work took; the next address in turn gets it. */
  void release(long cpuNanos) {
    synchronized (this) {
      running--;
      if (cpu != null) {
        cpu.spend(cpuNanos);
      }
    }
    letIn();
  }

  void release() {
    release(0);
  }

  /** Admits waiters while permits and CPU budget allow; wakes itself when the budget refills. */
  private void letIn() {
    while (true) {
      Waiter next;
      synchronized (this) {
        if (running >= permits || waiting.isEmpty()) {
          return;
        }
        if (!budgetLeft()) {
          if (!wakeUpScheduled) {
            wakeUpScheduled = true;
            scheduler.schedule(this::wakeUp, cpu.nanosUntilAvailable(), TimeUnit.NANOSECONDS);
          }
          return;
        }
        next = nextInTurn();
        running++;
      }
      next.timeout.cancel();
      try {
        executor.execute(next.run);
      } catch (RejectedExecutionException e) {
        synchronized (this) {
          running--;
        }
        next.refuse.run();
      }
    }
  }

  private void wakeUp() {
    synchronized (this) {
      wakeUpScheduled = false;
    }
    letIn();
  }

  private boolean budgetLeft() {
    return cpu == null || cpu.available(System.nanoTime());
  }

  /** The first waiter of the address whose turn it is; that address then goes to the back. */
  private Waiter nextInTurn() {
    Iterator<Map.Entry<InetAddress, ArrayDeque<Waiter>>> it = waiting.entrySet().iterator();
    if (!it.hasNext()) {
      return null;
    }
    Map.Entry<InetAddress, ArrayDeque<Waiter>> first = it.next();
    ArrayDeque<Waiter> queue = first.getValue();
    Waiter w = queue.poll();
    it.remove();
    if (!queue.isEmpty()) {
      waiting.put(first.getKey(), queue);
    }
    waitingBytes -= w.bytes;
    return w;
  }

  private void expire(Waiter w) {
    boolean removed;
    synchronized (this) {
      ArrayDeque<Waiter> queue = waiting.get(w.client);
      removed = queue != null && queue.remove(w);
      if (removed) {
        waitingBytes -= w.bytes;
        if (queue.isEmpty()) {
          waiting.remove(w.client);
        }
      }
    }
    if (removed) {
      w.refuse.run();
    }
  }

  synchronized int waiting() {
    return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
  }
}
