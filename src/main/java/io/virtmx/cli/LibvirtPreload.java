/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.Agent;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Loads libvirt and starts its event loop on a thread of its own while a {@code --once} command
 * line is being parsed (both take a tenth of a second or more), so the first collection can begin
 * as soon as the options are known; a failure is thrown where the agent would have met it.
 */
final class LibvirtPreload {
  private static volatile FutureTask<Void> started;

  private LibvirtPreload() {}

  /** Starts the preparation; the thread ends by itself when it is done. */
  static void start() {
    FutureTask<Void> task = new FutureTask<>(Agent::prepareLibvirt, null);
    Thread thread = new Thread(task, "virtmx-libvirt-preload");
    thread.setDaemon(true);
    started = task;
    thread.start();
  }

  /** True if {@link #start()} was called in this process. */
  static boolean wasStarted() {
    return started != null;
  }

  /** Waits for the preparation, if it was started, and throws what it threw. */
  static void await() throws InterruptedException {
    FutureTask<Void> task = started;
    if (task == null) {
      return;
    }
    try {
      task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
