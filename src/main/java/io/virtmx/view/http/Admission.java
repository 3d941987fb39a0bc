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
 */
final class Admission {
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

  private int running;
  private long waitingBytes;

  Admission(
      int permits,
      int maxWaitingPerAddress,
      long maxWaitingBytes,
      Executor executor,
      Scheduler scheduler) {
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
      now = running < permits && waiting.isEmpty();
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

  /** Gives a permit back; the next address in turn gets it. */
  void release() {
    Waiter next;
    synchronized (this) {
      running--;
      next = nextInTurn();
      if (next != null) {
        running++;
      }
    }
    if (next != null) {
      next.timeout.cancel();
      try {
        executor.execute(next.run);
      } catch (RejectedExecutionException e) {
        release();
        next.refuse.run();
      }
    }
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
