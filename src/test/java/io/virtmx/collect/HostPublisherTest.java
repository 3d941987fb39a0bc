/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.CollectorRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPublisherTest {

  @Test
  void firstCollectionLogLineListsEachCollectorInOrderWithItsMilliseconds() {
    List<CollectorRun> runs =
        List.of(
            new CollectorRun("domains", Duration.ofNanos(7_492_001_999L), true),
            new CollectorRun("pools", Duration.ofMillis(779), false),
            new CollectorRun("node", Duration.ZERO, true));

    assertThat(HostPublisher.durations(runs))
        .isEqualTo("domains 7492 ms, pools 779 ms (failed), node 0 ms");
    assertThat(HostPublisher.durations(List.of())).isEmpty();
  }
}
