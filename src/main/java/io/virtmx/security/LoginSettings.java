/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.time.Duration;

/**
 * How failed logins are throttled (see {@link LoginGuard}), validated on construction. The
 * defaults: three failures free, then a delay of 1 s doubling up to 60 s; ten failures within 10
 * minutes lock the client address or user name out for 15 minutes; at most max(1, cores / 2)
 * password hashes computed at once, a check waiting at most 200 ms for one; at most 10,000
 * addresses and 10,000 user names remembered.
 *
 * @param freeFailures failures before any delay
 * @param firstDelay the delay after the first failure beyond the free ones; doubled by each further
 *     one
 * @param maxDelay the longest delay
 * @param lockoutFailures failures within {@code lockoutWindow} that start a lock-out
 * @param lockoutWindow how far back failures count towards a lock-out; also how long a quiet
 *     address or user keeps its count
 * @param lockout how long a lock-out lasts
 * @param maxConcurrentChecks password hashes computed at once, over all clients
 * @param slotWait how long a check may wait for one of those before it is answered "throttled"
 * @param maxTracked addresses, and separately user names, remembered (the oldest are forgotten)
 */
public record LoginSettings(
    int freeFailures,
    Duration firstDelay,
    Duration maxDelay,
    int lockoutFailures,
    Duration lockoutWindow,
    Duration lockout,
    int maxConcurrentChecks,
    Duration slotWait,
    int maxTracked) {

  public static final LoginSettings DEFAULTS =
      new LoginSettings(
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          10,
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
          Duration.ofMillis(200),
          10_000);

  public LoginSettings {
    atLeast("free failures", freeFailures, 0);
    atLeast("lock-out failures", lockoutFailures, 1);
    atLeast("concurrent password checks", maxConcurrentChecks, 1);
    atLeast("tracked addresses and users", maxTracked, 1);
    positive("first delay", firstDelay);
    positive("maximum delay", maxDelay);
    positive("lock-out window", lockoutWindow);
    positive("lock-out", lockout);
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "maximum login delay " + maxDelay + " is shorter than the first delay " + firstDelay);
    }
    if (slotWait == null || slotWait.isNegative()) {
      throw new IllegalArgumentException("login slot wait must not be negative");
    }
  }

  /** These settings with another lock-out: after {@code failures} failures, for {@code length}. */
  public LoginSettings withLockout(int failures, Duration length) {
    return new LoginSettings(
        freeFailures,
        firstDelay,
        maxDelay,
        failures,
        lockoutWindow,
        length,
        maxConcurrentChecks,
        slotWait,
        maxTracked);
  }

  private static void atLeast(String what, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          "login " + what + " must be at least " + min + ", got " + value);
    }
  }

  private static void positive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("login " + what + " must be positive, got " + d);
    }
  }
}
