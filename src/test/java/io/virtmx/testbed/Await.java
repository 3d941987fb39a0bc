/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls a condition instead of sleeping a fixed time; when the condition is not met in time the
 * failure says what was awaited and what was seen last (a value or the exception the probe threw),
 * e.g. {@code "tls domain listed" not within PT10S; last seen: ""}.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int SHOWN = 2000;

  private Await() {}

  /**
   * Probes until {@code done} holds for the value and returns that value; a probe that throws fails
   * at once (use {@link #untilAnswers} while the other side may still be starting).
   */
  public static <T> T until(
      String description, Callable<T> probe, Predicate<? super T> done, Duration timeout) {
    return poll(description, probe, done, timeout, false);
  }

  /**
   * As {@link #until}, but a probe that throws (connection refused, 503…) is tried again, and its
   * exception is what the failure reports as last seen.
   */
  public static <T> T untilAnswers(
      String description, Callable<T> probe, Predicate<? super T> done, Duration timeout) {
    return poll(description, probe, done, timeout, true);
  }

  private static <T> T poll(
      String description,
      Callable<T> probe,
      Predicate<? super T> done,
      Duration timeout,
      boolean retryExceptions) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "(not probed)";
    while (true) {
      try {
        T value = probe.call();
        if (done.test(value)) {
          return value;
        }
        last = String.valueOf(value);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted awaiting " + description, e);
      } catch (RuntimeException e) {
        if (!retryExceptions) {
          throw e;
        }
        last = e.toString();
      } catch (Exception e) {
        if (!retryExceptions) {
          throw new AssertionError("awaiting \"" + description + "\": " + e, e);
        }
        last = e.toString();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "\"" + description + "\" not within " + timeout + "; last seen: " + shorten(last));
      }
      TestBed.sleep(POLL);
    }
  }

  /** Probes until it answers true. */
  public static void until(String description, Callable<Boolean> probe, Duration timeout) {
    until(description, probe, Boolean.TRUE::equals, timeout);
  }

  /**
   * Runs {@code check} until it passes (throws no AssertionError); after {@code timeout} the last
   * failure is thrown, so it says what was seen.
   */
  public static void untilPasses(Duration timeout, Runnable check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      TestBed.sleep(POLL);
    }
  }

  private static String shorten(String s) {
    return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "… (" + s.length() + " chars)";
  }
}
