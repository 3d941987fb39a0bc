/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheCapAndStartsOverAfterReset() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertThat(b.nextDelay()).hasSeconds(1);
    assertThat(b.nextDelay()).hasSeconds(2);
    assertThat(b.nextDelay()).hasSeconds(4);
    assertThat(b.nextDelay()).hasSeconds(5);
    assertThat(b.nextDelay()).hasSeconds(5);
    b.reset();
    assertThat(b.nextDelay()).hasSeconds(1);
  }

  @Test
  void rejectsACapBelowTheFirstDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
