/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request threads that yield the CPU to the collection: on Linux each one lowers its own scheduling
 * priority to nice {@value #NICE} (lowering needs no privilege; a process already nicer stays so),
 * so that clients hammering the views slow themselves down before they slow the collection or
 * libvirtd. Elsewhere, or if libc cannot be reached, threads keep the normal priority and one line
 * says so.
 */
final class LowPriorityThreads implements ThreadFactory {
  static final int NICE = 10;
  private static final Logger log = LoggerFactory.getLogger(LowPriorityThreads.class);
  private static final int PRIO_PROCESS = 0;

  /** The two libc calls used: a thread's own id, and setting the nice value of that id. */
  interface LibC extends Library {
    int gettid();

    int getpriority(int which, int who);

    int setpriority(int which, int who, int prio);
  }

  private static final LibC LIBC = load();

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  LowPriorityThreads(String prefix) {
    this.prefix = prefix;
  }

  private static LibC load() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      return Native.load("c", LibC.class);
    } catch (LinkageError e) {
      log.info("request threads keep the normal priority: libc not reachable ({})", e.toString());
      return null;
    }
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(() -> lowerAndRun(r), prefix + "-" + count.incrementAndGet());
    t.setDaemon(true);
    return t;
  }

  private static void lowerAndRun(Runnable r) {
    lowerCurrentThread();
    r.run();
  }

  /** Lowers the calling thread's priority; true if it worked. */
  static boolean lowerCurrentThread() {
    if (LIBC == null) {
      return false;
    }
    try {
      int tid = LIBC.gettid();
      int current = LIBC.getpriority(PRIO_PROCESS, tid);
      return current >= NICE || LIBC.setpriority(PRIO_PROCESS, tid, NICE) == 0;
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }
}
