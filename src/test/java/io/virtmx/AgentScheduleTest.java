/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When each host's first collection runs: spread over one interval, the first host at once. */
class AgentScheduleTest {

  @Test
  void twentyHostsStartOneAndAHalfSecondsApartOverAThirtySecondInterval() {
    Duration interval = Duration.ofSeconds(30);
    assertThat(
            IntStream.range(0, 20)
                .mapToObj(i -> Agent.firstCollectionAfter(interval, i, 20).toMillis())
                .toList())
        .startsWith(0L, 1500L, 3000L)
        .endsWith(28_500L)
        .isSorted();
  }

  @Test
  void aSingleHostCollectsAtOnce() {
    assertThat(Agent.firstCollectionAfter(Duration.ofSeconds(10), 0, 1)).isZero();
  }
}
