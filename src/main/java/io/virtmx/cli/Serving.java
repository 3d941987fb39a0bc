/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.Agent;
import io.virtmx.security.Authenticator;
import io.virtmx.view.View;
import io.virtmx.view.http.HttpEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The long-running agent: connects, starts collecting and every view, and on SIGTERM or SIGINT
 * closes the views and every libvirt connection before the JVM halts.
 */
final class Serving {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private final Agent agent;
  private final List<Planned> planned;
  private final HttpEndpoint endpoint;
  private final Authenticator auth;

  Serving(Agent agent, List<Planned> planned, HttpEndpoint endpoint, Authenticator auth) {
    this.agent = agent;
    this.planned = planned;
    this.endpoint = endpoint;
    this.auth = auth;
  }

  /** How often the users file is checked for changes. */
  static final Duration USERS_CHECK = Duration.ofSeconds(10);

  /**
   * Reads the users file again when it changes (checked every {@link #USERS_CHECK}) and at once
   * on SIGHUP, so users added, removed or given a new password take effect without a restart.
   */
  private ScheduledExecutorService watchUsers() {
    ScheduledExecutorService watch =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "virtmx-users");
              t.setDaemon(true);
              return t;
            });
    long every = USERS_CHECK.toMillis();
    watch.scheduleWithFixedDelay(auth::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    try {
      SignalHandler before = Signal.handle(new Signal("HUP"), s -> watch.execute(auth::reload));
      if (before == SignalHandler.SIG_IGN) {
        // A JVM started with SIGHUP ignored (nohup) keeps ignoring it, whatever handler is set.
        log.warn(
            "SIGHUP is ignored by this process (started with it ignored, e.g. under nohup); the"
                + " users file is still checked every {}",
            USERS_CHECK);
      }
    } catch (IllegalArgumentException e) {
      log.warn("SIGHUP cannot be handled here ({}); the users file is still checked every {}",
          e.getMessage(), USERS_CHECK);
    }
    return watch;
  }

  /** The longest a stop waits for the views and connections to close. */
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  /** Runs until SIGTERM or SIGINT; returns the exit code. */
  int run(String interval) throws InterruptedException {
    List<View> views = planned.stream().map(Planned::view).toList();
    List<String> failures = agent.open(true);
    failures.forEach(f -> log.warn("cannot connect to {} (retrying in the background)", f));
    agent.start();
    for (Planned p : planned) {
      start(p);
    }
    log.info("virtmx started: watching {} host(s) every {}", agent.collectors().size(), interval);
    ScheduledExecutorService usersWatch = watchUsers();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopThenWait(stop, stopped), "virtmx-shutdown"));
    stop.await();
    try {
      log.info("virtmx stopping");
      usersWatch.shutdownNow();
      views.forEach(View::close);
      endpoint.close();
      agent.close();
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  /**
   * On SIGTERM or SIGINT: lets {@link #run} close the views and every libvirt connection, and
   * waits for it, so the JVM does not halt (and JNA free its callbacks) while libvirt's event
   * thread may still call into them.
   */
  private static void stopThenWait(CountDownLatch stop, CountDownLatch stopped) {
    stop.countDown();
    try {
      if (!stopped.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("virtmx: not stopped within {}; exiting anyway", SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts a view. A port that is in use stops the agent when it was given, and only leaves the
   * view off when it was the default (so that a second agent, or another program on a default port,
   * does not keep the agent from running) — the same on every view.
   */
  private static void start(Planned p) {
    View v = p.view();
    try {
      v.start();
    } catch (IOException e) {
      if (busyPort(e) && !p.portGiven()) {
        log.warn(
            "{} not started: {} (choose a port with --{}-port, or --no-{})",
            v.describe(),
            e.getMessage(),
            p.switchName(),
            p.switchName());
        v.close();
        return;
      }
      throw new IllegalStateException("cannot start " + v.describe() + ": " + e.getMessage(), e);
    }
    log.info("view started: {}", v.describe());
  }

  private static boolean busyPort(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }
}
