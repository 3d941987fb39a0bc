/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.virtmx.model.BalloonStats;
import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.CpuTimes;
import io.virtmx.model.DomainState;
import io.virtmx.model.NetIo;
import io.virtmx.model.Snapshots;
import io.virtmx.model.StateReason;
import io.virtmx.model.Values;
import io.virtmx.model.VcpuState;
import io.virtmx.model.VcpuStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainStatsParserTest {

  private final Map<String, Object> qemu = DomstatsFixtures.load("domstats-qemu-running.txt");
  private final Map<String, Object> testDriver = DomstatsFixtures.load("domstats-test-driver.txt");
  private final Map<String, Object> shutoff = DomstatsFixtures.load("domstats-qemu-shutoff.txt");

  @Test
  void stateAndReason() {
    assertThat(DomainStatsParser.state(qemu)).contains(new StateReason(DomainState.RUNNING, 1));
    assertThat(DomainStatsParser.state(testDriver))
        .contains(new StateReason(DomainState.RUNNING, 0));
    assertThat(DomainStatsParser.state(shutoff)).contains(new StateReason(DomainState.SHUTOFF, 2));
    assertThat(DomainStatsParser.state(Map.of())).isEmpty();
  }

  @Test
  void cpuTimes() {
    assertThat(DomainStatsParser.cpuTimes(qemu))
        .isEqualTo(new CpuTimes(1184532877000L, 846210000000L, 201770000000L));
    assertThat(DomainStatsParser.cpuTimes(testDriver)).isEqualTo(CpuTimes.UNKNOWN);
  }

  @Test
  void balloon() {
    assertThat(DomainStatsParser.balloon(qemu))
        .isEqualTo(
            Snapshots.balloon()
                .sizeKib(4194304, 4194304)
                .guestKib(2861536, 4026812, 3307700)
                .rssKib(4245312)
                .swapKib(0, 0)
                .faults(612, 4410923)
                .diskCachesKib(563144)
                .lastUpdate(1717410093)
                .build());
    assertThat(DomainStatsParser.balloon(shutoff))
        .isEqualTo(Snapshots.balloon().sizeKib(2097152, 2097152).build());
    assertThat(DomainStatsParser.balloon(testDriver)).isEqualTo(BalloonStats.UNKNOWN);
  }

  @Test
  void vcpus() {
    assertThat(DomainStatsParser.vcpuCount(qemu)).isEqualTo(new VcpuCount(2, 2));
    assertThat(DomainStatsParser.vcpus(qemu))
        .containsExactly(
            new VcpuStats(0, VcpuState.RUNNING, 501230000000L, 0, 1022845123L, -1),
            new VcpuStats(1, VcpuState.RUNNING, 488120000000L, 0, 998213442L, -1));
    assertThat(DomainStatsParser.vcpuCount(shutoff)).isEqualTo(new VcpuCount(4, 8));
    assertThat(DomainStatsParser.vcpus(shutoff)).isEmpty();
    assertThat(DomainStatsParser.vcpuCount(testDriver)).isEqualTo(VcpuCount.UNKNOWN);
  }

  @Test
  void blocksKeepOnlyTheTopImageOfEachTarget() {
    assertThat(DomainStatsParser.blocks(qemu))
        .containsExactly(
            new BlockCounters(
                "vda",
                "/var/lib/libvirt/images/web01.qcow2",
                new BlockIo(
                    246802,
                    18509028864L,
                    83676206416L,
                    471370,
                    28260229120L,
                    158585666809L,
                    46269,
                    181262854634L,
                    Values.UNKNOWN),
                new BlockSizes(21474836480L, 7460187136L, 7460225024L)));
    assertThat(DomainStatsParser.blocks(shutoff))
        .containsExactly(
            new BlockCounters(
                "vda",
                "/var/lib/libvirt/images/db02.raw",
                BlockIo.UNKNOWN,
                new BlockSizes(10737418240L, 10737418240L, 10737418240L)));
    assertThat(DomainStatsParser.blocks(testDriver)).isEmpty();
  }

  @Test
  void blocksWithoutBackingIndexAtAll() {
    Map<String, Object> old =
        Map.of(
            "block.count",
            2L,
            "block.0.name",
            "vda",
            "block.0.rd.reqs",
            5L,
            "block.1.name",
            "hdc",
            "block.1.rd.reqs",
            7L);
    assertThat(DomainStatsParser.blocks(old))
        .extracting(BlockCounters::name, c -> c.io().readRequests())
        .containsExactly(tuple("vda", 5L), tuple("hdc", 7L));
  }

  @Test
  void nets() {
    assertThat(DomainStatsParser.nets(qemu))
        .containsExactly(
            new NetCounters("vnet3", new NetIo(418454563, 291468, 0, 7, 3884562, 35405, 0, 0)));
    assertThat(DomainStatsParser.nets(shutoff)).isEmpty();
  }

  @Test
  void groupsPresent() {
    for (StatsGroup g :
        new StatsGroup[] {
          StatsGroup.STATE,
          StatsGroup.CPU_TOTAL,
          StatsGroup.BALLOON,
          StatsGroup.VCPU,
          StatsGroup.INTERFACE,
          StatsGroup.BLOCK
        }) {
      assertThat(DomainStatsParser.hasGroup(qemu, g)).as(g.name()).isTrue();
    }
    assertThat(DomainStatsParser.hasGroup(qemu, StatsGroup.PERF)).isFalse();
    assertThat(DomainStatsParser.hasGroup(testDriver, StatsGroup.STATE)).isTrue();
    assertThat(DomainStatsParser.hasGroup(testDriver, StatsGroup.CPU_TOTAL)).isFalse();
    assertThat(DomainStatsParser.hasGroup(Map.of("vcpu.current", 1L), "cpu")).isFalse();
  }
}
