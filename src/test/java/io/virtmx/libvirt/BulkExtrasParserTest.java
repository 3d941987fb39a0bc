/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.IoThreadStats;
import io.virtmx.model.VcpuStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** vCPU halted state, perf counters, IOThread polling and block thresholds of bulk statistics. */
class BulkExtrasParserTest {
  private final Map<String, Object> extras = DomstatsFixtures.load("domstats-qemu-extras.txt");
  private final Map<String, Object> plain = DomstatsFixtures.load("domstats-qemu-running.txt");

  @Test
  void vcpuHaltedIsOneOrZeroAndUnknownWhenAbsent() {
    assertThat(DomainStatsParser.vcpus(extras)).extracting(VcpuStats::halted).containsExactly(1, 0);
    assertThat(DomainStatsParser.vcpus(plain)).extracting(VcpuStats::halted).containsOnly(-1);
  }

  @Test
  void perfCountersByEventOnlyWhenTheGroupIsThere() {
    assertThat(DomainStatsParser.perf(extras))
        .containsExactly(
            Map.entry("cache_misses", 1023317L),
            Map.entry("cpu_cycles", 8817236121L),
            Map.entry("instructions", 6420011893L));
    assertThat(DomainStatsParser.perf(plain)).isEmpty();
  }

  @Test
  void ioThreadPollingInIdOrder() {
    assertThat(DomainStatsParser.iothreads(extras))
        .containsExactly(new IoThreadStats(1, 32768, 0, 0), new IoThreadStats(2, 65536, 2, 4));
    assertThat(DomainStatsParser.iothreads(plain)).isEmpty();
  }

  @Test
  void blockThresholdWhereSet() {
    assertThat(DomainStatsParser.blocks(extras).get(0).sizes().thresholdBytes())
        .isEqualTo(16106127360L);
    assertThat(DomainStatsParser.blocks(plain).get(0).sizes().thresholdBytes()).isEqualTo(-1);
  }
}
