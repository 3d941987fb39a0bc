/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.config.AgentConfig;
import io.virtmx.config.HostSpec;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --once}'s two readings on libvirt's test driver: the second reads each domain at least the
 * sample interval after the first, and the first samples are handed over meanwhile.
 */
class AgentCollectOnceTest {
  private static final Duration GAP = Duration.ofMillis(300);

  @Test
  void secondReadingFollowsEachDomainsFirstByTheGap() throws Exception {
    List<HostSnapshot> first = new ArrayList<>();
    List<HostSnapshot> second;
    try (Agent agent =
        new Agent(
            new AgentConfig(
                List.of(HostSpec.parse("test:///default")),
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                false,
                2,
                Map.of()))) {
      assertThat(agent.open(false)).isEmpty();
      second = agent.collectOnce(GAP, first::addAll);
    }

    assertThat(first).hasSize(1);
    assertThat(second).hasSize(1);
    DomainSnapshot before = first.get(0).domain("test").orElseThrow();
    DomainSnapshot after = second.get(0).domain("test").orElseThrow();
    long apart = after.sample().monotonicNanos() - before.sample().monotonicNanos();
    assertThat(apart).isGreaterThanOrEqualTo(GAP.toNanos());
    assertThat(after.rates().cpuPercentOfCore()).as("a rate from the two readings").isNotNaN();
  }
}
