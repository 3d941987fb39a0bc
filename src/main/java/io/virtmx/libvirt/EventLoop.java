/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide libvirt set-up, done once before the first connection: the one event loop
 * (libvirt's default implementation run on a single daemon thread; keepalive, close callbacks and
 * all events depend on it), and a silent global error handler, so libvirt prints nothing to stderr
 * and errors reach us only as exceptions.
 */
public final class EventLoop {
  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static Thread thread;
  private static boolean stopped;

  private EventLoop() {}

  public static synchronized void start() {
    if (thread != null) {
      return;
    }
    try {
      LibvirtErrorOutput.silence();
      Library.initEventLoop();
    } catch (LibvirtException e) {
      throw new IllegalStateException("cannot start the libvirt event loop: " + e.getMessage(), e);
    }
    thread = new Thread(EventLoop::run, "virtmx-libvirt-events");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Ends the event loop for good, as the process exits: the loop's thread otherwise sits in native
   * code, and the JVM's exit waits 0.3 s for such a thread before giving up on it (every {@code
   * --once} paid that). No connection may be opened afterwards; a second call does nothing.
   */
  public static synchronized void stopForExit() {
    Thread running = thread;
    if (running == null || stopped) {
      return;
    }
    stopped = true;
    try {
      Library.stopEventLoop();
      running.join(1000);
    } catch (LibvirtException e) {
      log.debug("libvirt event loop did not stop: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run() {
    try {
      Library.runEventLoop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (LibvirtException | RuntimeException e) {
      log.error("libvirt event loop stopped: {}", e.getMessage(), e);
    }
  }
}
