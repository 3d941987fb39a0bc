/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The agent-wide limit on full collections running at once ({@code --max-collections}), so that
 * many hosts on few cores take turns instead of all collecting together and each outlasting its
 * timeout. A host asks for a turn and waits in line without holding a thread; turns are handed out
 * first come, first served, so a host that has waited goes before one that just ran (which asks
 * again at the back of the line). A turn ends when its collection returns or when its watchdog
 * gives up on it, whichever comes first ({@link Turn#end} is idempotent), so a hung host holds a
 * turn for at most its timeout.
 */
public final class CollectionBudget {
  private final int limit;
  private final Queue<Consumer<Turn>> waiting = new ArrayDeque<>();
  private int running;

  public CollectionBudget(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /** No limit: every request gets its turn at once (one-shot use, tests). */
  public static CollectionBudget unlimited() {
    return new CollectionBudget(Integer.MAX_VALUE);
  }

  /**
   * Asks for a turn: {@code start} is given it now, on this thread, when fewer than the limit run,
   * else later on the thread that ends an earlier turn. {@code start} must not block, and must end
   * the turn it is given (at once if it cannot use it).
   */
  public void request(Consumer<Turn> start) {
    Turn granted = null;
    synchronized (this) {
      if (running < limit && waiting.isEmpty()) {
        running++;
        granted = new Turn();
      } else {
        waiting.add(start);
      }
    }
    if (granted != null) {
      start.accept(granted);
    }
  }

  /** Collections holding a turn now. */
  public synchronized int running() {
    return running;
  }

  /** Requests waiting for a turn now. */
  public synchronized int waiting() {
    return waiting.size();
  }

  public int limit() {
    return limit;
  }

  /** Hands the ended turn to the longest-waiting request, if any. */
  private void handOn() {
    Consumer<Turn> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    next.accept(new Turn());
  }

  /** One collection's turn; {@link #end} gives it back once, later calls do nothing. */
  public final class Turn {
    private final AtomicBoolean ended = new AtomicBoolean();

    private Turn() {}

    public void end() {
      if (ended.compareAndSet(false, true)) {
        handOn();
      }
    }

    /** Whether the turn was given back. */
    public boolean ended() {
      return ended.get();
    }
  }
}
