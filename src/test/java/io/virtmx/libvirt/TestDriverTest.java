/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import io.virtmx.model.BalloonStats;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.DomainState;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.Snapshots;
import io.virtmx.model.StateReason;
import io.virtmx.model.VcpuState;
import io.virtmx.model.VcpuStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.LibvirtException;

/** Runs the bindings against libvirt's in-process test driver (test:///default, domain "test"). */
class TestDriverTest {

  private static NativeConnect conn;

  @BeforeAll
  static void open() throws LibvirtException {
    LibvirtErrorOutput.silence();
    conn = new NativeConnect("test:///default", null, 0);
  }

  @AfterAll
  static void close() throws LibvirtException {
    conn.close();
    LibvirtErrorOutput.restoreDefault();
  }

  @Test
  void batchWithAllGroupsReturnsOnlyStateForTheTestDomain() {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      assertThat(batch.records()).hasSize(1);
      DomainStatsRecord rec = batch.records().get(0);
      assertThat(rec.name()).isEqualTo("test");
      assertThat(rec.uuid()).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
      assertThat(rec.params())
          .containsExactly(Map.entry("state.state", 1L), Map.entry("state.reason", 0L));
      assertThat(rec.hasGroup(StatsGroup.STATE)).isTrue();
      assertThat(rec.hasGroup(StatsGroup.BLOCK)).isFalse();
      assertThat(DomainStatsParser.state(rec.params()))
          .contains(new StateReason(DomainState.RUNNING, 0));
    }
  }

  @Test
  void enforcingUnsupportedGroupsFails() {
    assertThatThrownBy(
            () ->
                DomainStatsBatch.fetch(
                    conn.nativeHandle(),
                    StatsGroup.collectorMask(),
                    DomainStatsBatch.FLAG_ENFORCE_STATS))
        .isInstanceOfSatisfying(
            LibvirtCallException.class,
            e -> {
              assertThat(e.code()).isEqualTo(74);
              assertThat(e.libvirtMessage()).contains("not supported");
            });
  }

  @Test
  void closeIsIdempotentAndRecordsAreGoneAfterwards() {
    DomainStatsBatch batch =
        DomainStatsBatch.fetch(conn.nativeHandle(), StatsGroup.mask(StatsGroup.STATE), 0);
    batch.close();
    batch.close();
    assertThat(batch.isClosed()).isTrue();
    assertThatThrownBy(batch::records).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void identityAndDefinition() {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      Pointer dom = batch.records().get(0).domain();
      assertThat(NativeDomain.id(dom)).isEqualTo(1);
      assertThat(NativeDomain.isPersistent(dom)).isTrue();
      assertThat(NativeDomain.autostart(dom)).isFalse();
      assertThat(NativeDomain.xmlDesc(dom, 0))
          .contains("<name>test</name>", "dev='vda'", "testnet0");
    }
  }

  @Test
  void infoStateMemoryAndVcpusMatchVirsh() {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      Pointer dom = batch.records().get(0).domain();
      DomainBasicInfo info = PerDomainStats.info(dom);
      assertThat(info.state()).isEqualTo(DomainState.RUNNING);
      assertThat(info.maxMemKib()).isEqualTo(8388608);
      assertThat(info.memoryKib()).isEqualTo(2097152);
      assertThat(info.nrVirtCpu()).isEqualTo(2);
      assertThat(info.cpuTimeNs()).isPositive();
      assertThat(PerDomainStats.state(dom)).isEqualTo(new StateReason(DomainState.RUNNING, 0));

      BalloonStats mem = PerDomainGuestStats.memoryStats(dom);
      assertThat(mem)
          .isEqualTo(
              Snapshots.balloon()
                  .sizeKib(2097152, -1)
                  .guestKib(1048576, 2097152, 1048576)
                  .rssKib(1048576)
                  .swapKib(0, 0)
                  .faults(0, 0)
                  .diskCachesKib(262144)
                  .lastUpdate(627319920)
                  .build());

      List<VcpuStats> vcpus = PerDomainGuestStats.vcpus(dom);
      assertThat(vcpus).extracting(VcpuStats::number).containsExactly(0, 1);
      assertThat(vcpus)
          .allSatisfy(
              v -> {
                assertThat(v.state()).isEqualTo(VcpuState.RUNNING);
                assertThat(v.timeNs()).isPositive();
                assertThat(v.hostCpu()).isEqualTo(15);
              });
      assertThat(PerDomainGuestStats.vcpuCount(dom)).isEqualTo(new VcpuCount(2, 2));
    }
  }

  @Test
  void blockAndInterfaceCounters() {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      Pointer dom = batch.records().get(0).domain();
      BlockCounters vda = PerDomainStats.blockStats(dom, "vda");
      assertThat(vda.name()).isEqualTo("vda");
      assertThat(vda.io().readRequests()).isPositive();
      assertThat(vda.io().readBytes()).isPositive();
      assertThat(vda.io().writeRequests()).isPositive();
      assertThat(vda.io().writeBytes()).isPositive();
      assertThat(vda.io().errors()).isNotNegative();
      assertThat(vda.io().flushRequests())
          .as("test driver has only the legacy struct call")
          .isEqualTo(-1);
      assertThat(PerDomainStats.blockInfo(dom, "vda"))
          .isEqualTo(new BlockSizes(1099506450432L, 1099511627776L, 1099511627776L));
      assertThat(vda.withSizes(PerDomainStats.blockInfo(dom, "vda")).sizes().capacityBytes())
          .isEqualTo(1099506450432L);

      NetCounters net = PerDomainStats.interfaceStats(dom, "testnet0");
      assertThat(net.name()).isEqualTo("testnet0");
      assertThat(
              List.of(
                  net.io().rxBytes(),
                  net.io().rxPackets(),
                  net.io().txBytes(),
                  net.io().txPackets()))
          .allMatch(v -> v > 0);
      assertThat(
              List.of(
                  net.io().rxErrors(), net.io().rxDrops(), net.io().txErrors(), net.io().txDrops()))
          .allMatch(v -> v >= 0);
    }
  }

  @Test
  void unknownTargetsRaiseLibvirtsError() {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      Pointer dom = batch.records().get(0).domain();
      assertThatThrownBy(() -> PerDomainStats.blockStats(dom, "nosuch"))
          .isInstanceOfSatisfying(
              LibvirtCallException.class,
              e -> {
                assertThat(e.code()).isEqualTo(LibvirtCallException.VIR_ERR_INVALID_ARG);
                assertThat(e.function()).isEqualTo("virDomainBlockStats");
                assertThat(e.libvirtMessage()).isEqualTo("invalid argument: invalid path: nosuch");
                assertThat(e.isNoDomain()).isFalse();
              });
      assertThatThrownBy(() -> PerDomainStats.interfaceStats(dom, "nosuch"))
          .isInstanceOfSatisfying(
              LibvirtCallException.class,
              e -> assertThat(e.libvirtMessage()).contains("'nosuch' is not a known interface"));
      assertThat(LibvirtNative.INSTANCE.virGetLastErrorCode()).as("last error was reset").isZero();
    }
  }

  @Test
  void unsupportedCallsSayNoSupport() {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      Pointer dom = batch.records().get(0).domain();
      assertThatThrownBy(() -> PerDomainStats.jobInfo(dom))
          .isInstanceOfSatisfying(
              LibvirtCallException.class, e -> assertThat(e.isNoSupport()).isTrue());
    }
    assertThatThrownBy(() -> HostStats.dhcpLeaseCount(conn.nativeHandle(), "default"))
        .isInstanceOfSatisfying(
            LibvirtCallException.class, e -> assertThat(e.isNoSupport()).isTrue());
    assertThatThrownBy(() -> HostStats.dhcpLeaseCount(conn.nativeHandle(), "nosuch"))
        .isInstanceOfSatisfying(
            LibvirtCallException.class, e -> assertThat(e.code()).isEqualTo(43));
  }

  @Test
  void nodeCpuStatsAreSupportedAndFixed() {
    assertThat(HostStats.nodeCpuTimes(conn.nativeHandle()))
        .isEqualTo(new NodeCpuTimes(9797400000L, 34678723400000L, 87264900000L, 763600000L));
  }

  @Test
  void domainThatVanishedMidCollectionIsNoDomain() throws LibvirtException {
    org.libvirt.Domain shortLived = conn.domainDefineXML(SHORT_LIVED_XML);
    try (DomainStatsBatch batch =
        DomainStatsBatch.fetch(conn.nativeHandle(), 0, DomainStatsBatch.FLAG_INACTIVE)) {
      DomainStatsRecord rec =
          batch.records().stream().filter(r -> r.name().equals("short")).findFirst().orElseThrow();
      assertThat(DomainStatsParser.state(rec.params()))
          .contains(new StateReason(DomainState.SHUTOFF, 0));
      shortLived.undefine();
      assertThatThrownBy(() -> PerDomainStats.info(rec.domain()))
          .isInstanceOfSatisfying(
              LibvirtCallException.class, e -> assertThat(e.isNoDomain()).isTrue());
    } finally {
      shortLived.free();
    }
  }

  @Test
  void referenceKeepsAPointerBeyondItsBatch() {
    Pointer kept;
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn.nativeHandle(), 0, 0)) {
      kept = NativeDomain.ref(batch.records().get(0).domain());
    }
    try {
      assertThat(NativeDomain.name(kept)).isEqualTo("test");
    } finally {
      NativeDomain.free(kept);
    }
  }

  private static final String SHORT_LIVED_XML =
      "<domain type='test'><name>short</name><memory>1024</memory>"
          + "<os><type>hvm</type></os></domain>";
}
