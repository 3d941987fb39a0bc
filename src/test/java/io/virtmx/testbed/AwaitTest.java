/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What Await returns, and what its failures say: the awaited condition and the last value seen. */
class AwaitTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  @Test
  void returnsTheFirstValueThatSatisfiesTheCondition() {
    AtomicInteger n = new AtomicInteger();
    assertThat(Await.until("n reaches 3", n::incrementAndGet, v -> v >= 3, SHORT)).isEqualTo(3);
  }

  @Test
  void aTimeoutSaysWhatWasAwaitedAndWhatWasSeenLast() {
    assertThatThrownBy(
            () -> Await.until("the domain paused", () -> "running", "paused"::equals, SHORT))
        .isInstanceOf(AssertionError.class)
        .hasMessage("\"the domain paused\" not within PT0.3S; last seen: running");
  }

  @Test
  void untilFailsAtOnceWhenTheProbeThrows() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                Await.until(
                    "a page",
                    () -> {
                      throw new IOException("connection refused");
                    },
                    v -> true,
                    Duration.ofSeconds(10)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("connection refused");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void untilAnswersRetriesAndReportsTheLastException() {
    AtomicInteger n = new AtomicInteger();
    assertThat(
            Await.untilAnswers(
                "a page",
                () -> {
                  if (n.incrementAndGet() < 3) {
                    throw new IOException("connection refused");
                  }
                  return "ok";
                },
                "ok"::equals,
                SHORT.multipliedBy(10)))
        .isEqualTo("ok");
    assertThatThrownBy(
            () ->
                Await.untilAnswers(
                    "a page",
                    () -> {
                      throw new IOException("connection refused");
                    },
                    v -> true,
                    SHORT))
        .hasMessageEndingWith("last seen: java.io.IOException: connection refused");
  }

  @Test
  void untilPassesRethrowsTheLastFailure() {
    AtomicInteger n = new AtomicInteger();
    assertThatThrownBy(
            () -> Await.untilPasses(SHORT, () -> assertThat(n.incrementAndGet()).isNegative()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be less than:");
  }
}
