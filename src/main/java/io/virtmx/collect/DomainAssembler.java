/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import com.sun.jna.Pointer;
import io.virtmx.libvirt.BlockCounters;
import io.virtmx.libvirt.DomainBasicInfo;
import io.virtmx.libvirt.DomainDescription;
import io.virtmx.libvirt.DomainJobStats;
import io.virtmx.libvirt.DomainStatsParser;
import io.virtmx.libvirt.DomainStatsRecord;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NetCounters;
import io.virtmx.libvirt.PerDomainGuestStats;
import io.virtmx.libvirt.PerDomainStats;
import io.virtmx.libvirt.StatsGroup;
import io.virtmx.libvirt.VcpuCount;
import io.virtmx.model.BalloonStats;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.CpuTimes;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainMemory;
import io.virtmx.model.DomainRates;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainVcpus;
import io.virtmx.model.GuestInsight;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.JobInfo;
import io.virtmx.model.NetIo;
import io.virtmx.model.NicDevice;
import io.virtmx.model.Sample;
import io.virtmx.model.StateReason;
import io.virtmx.model.Values;
import io.virtmx.model.VcpuStats;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds one {@link DomainSnapshot} from a bulk stats record and the domain's definition, calling
 * libvirt per domain only for a group the driver left out of the bulk record (the test driver
 * returns only the state). A stopped domain costs no per-domain call: its facts come from the
 * cached definition.
 */
final class DomainAssembler {
  private final DomainStatsRecord record;
  private final Map<String, Object> params;
  private final Pointer dom;
  private final int id;
  private final DomainDescription definition;
  private final boolean persistent;
  private final boolean autostart;
  private final Map<String, BlockSizes> diskSizes;
  private final Consumer<String> errors;
  private final DriverSupport support;
  private DomainBasicInfo info;

  DomainAssembler(
      DomainStatsRecord record,
      int id,
      DescriptionCache.Description description,
      boolean persistent,
      boolean autostart,
      Consumer<String> errors,
      DriverSupport support) {
    this.record = record;
    this.params = record.params();
    this.dom = record.domain();
    this.id = id;
    this.definition = description.definition();
    this.persistent = persistent;
    this.autostart = autostart;
    this.diskSizes = description.diskSizes();
    this.errors = errors;
    this.support = support;
  }

  DomainSnapshot assemble() {
    Sample sample = Sample.now();
    StateReason status = DomainStatsParser.state(params).orElseGet(() -> PerDomainStats.state(dom));
    boolean active = id >= 0;
    VcpuCount vcpuCount = vcpuCount(active);
    return new DomainSnapshot(
        same(definition.name(), record.name()),
        same(definition.uuid(), record.uuid()),
        active ? id : DomainSnapshot.NOT_RUNNING,
        status,
        persistent,
        autostart,
        definition.os(),
        new DomainVcpus(
            vcpuCount.current(),
            vcpuCount.maximum(),
            active ? vcpus() : List.of(),
            definition.vcpuPinning()),
        memory(active),
        active ? cpu() : CpuTimes.UNKNOWN,
        disks(active),
        interfaces(active),
        definition.devices(),
        active ? job() : JobInfo.NONE,
        DomainRates.UNKNOWN,
        sample,
        definition.metadata(),
        GuestInsight.UNKNOWN,
        DomainStatsParser.perf(params),
        DomainStatsParser.iothreads(params));
  }

  /**
   * The cached definition's copy of a string when equal to the one the statistics brought, so
   * consecutive snapshots share it instead of each holding a new one.
   */
  private static String same(String cached, String fresh) {
    return fresh.equals(cached) ? cached : fresh;
  }

  private boolean has(StatsGroup group) {
    return DomainStatsParser.hasGroup(params, group);
  }

  private DomainBasicInfo info() {
    if (info == null) {
      info = PerDomainStats.info(dom);
    }
    return info;
  }

  private VcpuCount vcpuCount(boolean active) {
    if (has(StatsGroup.VCPU)) {
      VcpuCount c = DomainStatsParser.vcpuCount(params);
      return new VcpuCount(c.current(), c.maximum() > 0 ? c.maximum() : definition.vcpusMax());
    }
    int current = active ? info().nrVirtCpu() : definition.vcpusCurrent();
    return new VcpuCount(current, definition.vcpusMax());
  }

  /**
   * Current and maximum memory (balloon stats, else virDomainGetInfo, else the definition) and,
   * while the domain runs, the balloon statistics.
   */
  private DomainMemory memory(boolean active) {
    BalloonStats bulk = has(StatsGroup.BALLOON) ? DomainStatsParser.balloon(params) : null;
    long current;
    long maximum;
    if (bulk != null && Values.known(bulk.actualBytes()) && Values.known(bulk.maximumBytes())) {
      current = bulk.actualBytes();
      maximum = bulk.maximumBytes();
    } else if (active) {
      current = Values.kibToBytes(info().memoryKib());
      maximum = Values.kibToBytes(info().maxMemKib());
    } else {
      current = Values.kibToBytes(definition.currentMemoryKib());
      maximum = Values.kibToBytes(definition.memoryKib());
    }
    BalloonStats balloon = active ? balloon(bulk, maximum) : BalloonStats.UNKNOWN;
    return new DomainMemory(current, maximum, balloon);
  }

  private CpuTimes cpu() {
    if (has(StatsGroup.CPU_TOTAL)) {
      return DomainStatsParser.cpuTimes(params);
    }
    return new CpuTimes(info().cpuTimeNs(), Values.UNKNOWN, Values.UNKNOWN);
  }

  private List<VcpuStats> vcpus() {
    if (has(StatsGroup.VCPU)) {
      return DomainStatsParser.vcpus(params);
    }
    return optional("vcpu", () -> PerDomainGuestStats.vcpus(dom), List.of());
  }

  private BalloonStats balloon(BalloonStats bulk, long maximumBytes) {
    if (bulk != null) {
      return bulk;
    }
    BalloonStats b =
        optional("balloon", () -> PerDomainGuestStats.memoryStats(dom), BalloonStats.UNKNOWN);
    // virDomainMemoryStats has no "maximum"; the bulk call's balloon.maximum is the domain's
    // maximum memory.
    return b.withMaximumBytes(maximumBytes);
  }

  private JobInfo job() {
    return optional("job", () -> DomainJobStats.read(dom), JobInfo.NONE);
  }

  private List<DiskStats> disks(boolean active) {
    List<BlockCounters> bulk = has(StatsGroup.BLOCK) ? DomainStatsParser.blocks(params) : null;
    return DiskStats.identified(
        definition.disks().stream().map(d -> measured(d, counters(d, bulk, active))).toList());
  }

  private BlockCounters counters(DiskDevice d, List<BlockCounters> bulk, boolean active) {
    if (bulk != null) {
      return DomainCollector.block(bulk, d.target()).orElse(null);
    }
    if (!active || d.source().isEmpty() || d.target().isEmpty()) {
      return null; // nothing to read: stopped domain, or a drive without media
    }
    BlockCounters counters = optional("disk", () -> blockStats(d.target()), null);
    BlockSizes sizes = diskSizes.get(d.target());
    return counters == null || sizes == null ? counters : counters.withSizes(sizes);
  }

  /**
   * Block stats with flush and time counters where the driver has them, the basic five otherwise.
   */
  private BlockCounters blockStats(String target) {
    if (!support.lacks("blockStatsFlags")) {
      try {
        return PerDomainStats.blockStatsFlags(dom, target);
      } catch (LibvirtCallException e) {
        if (!e.isNoSupport()) {
          throw e;
        }
        support.markMissing("blockStatsFlags");
      }
    }
    return PerDomainStats.blockStatsLegacy(dom, target);
  }

  /** A disk's definition with what was read of it; bulk stats may name a source it lacks. */
  private static DiskStats.Measured measured(DiskDevice d, BlockCounters c) {
    if (c == null) {
      return DiskStats.Measured.definedOnly(d);
    }
    DiskDevice device = d.source().isEmpty() && c.path() != null ? d.withSource(c.path()) : d;
    return new DiskStats.Measured(device, c.io(), c.sizes());
  }

  private List<InterfaceStats> interfaces(boolean active) {
    List<NetCounters> bulk = has(StatsGroup.INTERFACE) ? DomainStatsParser.nets(params) : null;
    return InterfaceStats.identified(
        definition.interfaces().stream()
            .map(i -> new InterfaceStats.Measured(i, netIo(i, bulk, active)))
            .toList());
  }

  private NetIo netIo(NicDevice i, List<NetCounters> bulk, boolean active) {
    NetCounters c;
    if (bulk != null) {
      c = DomainCollector.net(bulk, i).orElse(null);
    } else if (!active || i.target().isEmpty()) {
      c = null;
    } else {
      c = optional("interface", () -> PerDomainStats.interfaceStats(dom, i.target()), null);
    }
    return c == null ? NetIo.UNKNOWN : c.io();
  }

  /**
   * A per-domain call whose absence is not an error: an unsupported call gives the fallback quietly
   * (and is not tried again on this connection), any other failure (but the domain vanishing, which
   * aborts the domain) is counted under {@code kind}.
   */
  private <T> T optional(String kind, Supplier<T> call, T fallback) {
    if (support.lacks(kind)) {
      return fallback;
    }
    try {
      return call.get();
    } catch (LibvirtCallException e) {
      if (e.isNoDomain()) {
        throw e;
      }
      if (e.isNoSupport()) {
        support.markMissing(kind);
      } else {
        errors.accept(kind);
      }
      return fallback;
    }
  }
}
