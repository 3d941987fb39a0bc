package io.virtmx.collect;

import com.sun.jna.Pointer;
import io.virtmx.libvirt.BlockCounters;
import io.virtmx.libvirt.BlockInfo;
import io.virtmx.libvirt.DiskDefinition;
import io.virtmx.libvirt.DomainBasicInfo;
import io.virtmx.libvirt.DomainDescription;
import io.virtmx.libvirt.DomainStatsParser;
import io.virtmx.libvirt.DomainStatsRecord;
import io.virtmx.libvirt.InterfaceDefinition;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NetCounters;
import io.virtmx.libvirt.PerDomainGuestStats;
import io.virtmx.libvirt.PerDomainStats;
import io.virtmx.libvirt.StateReason;
import io.virtmx.libvirt.StatsGroup;
import io.virtmx.libvirt.VcpuCount;
import io.virtmx.model.BalloonStats;
import io.virtmx.model.CpuTimes;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainRates;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import io.virtmx.model.JobInfo;
import io.virtmx.model.VcpuStats;
import java.time.Instant;
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
  private final Map<String, BlockInfo> diskSizes;
  private final Consumer<String> errors;
  private final DriverSupport support;
  private DomainBasicInfo info;

  DomainAssembler(
      DomainStatsRecord record,
      int id,
      DescriptionCache.Description description,
      Consumer<String> errors,
      DriverSupport support) {
    this.record = record;
    this.params = record.params();
    this.dom = record.domain();
    this.id = id;
    this.definition = description.definition();
    this.persistent = description.persistent();
    this.autostart = description.autostart();
    this.diskSizes = description.diskSizes();
    this.errors = errors;
    this.support = support;
  }

  DomainSnapshot assemble() {
    long sampled = System.nanoTime();
    StateReason state = DomainStatsParser.state(params).orElseGet(() -> PerDomainStats.state(dom));
    boolean active = id >= 0;
    VcpuCount vcpuCount = vcpuCount(active);
    Memory memory = memory(active);
    return new DomainSnapshot(
        record.name(),
        record.uuid(),
        id,
        state.state(),
        state.reason(),
        persistent,
        autostart,
        definition.os(),
        vcpuCount.current(),
        vcpuCount.maximum(),
        active ? vcpus() : List.of(),
        memory.currentKib(),
        memory.maximumKib(),
        active ? cpu() : CpuTimes.UNKNOWN,
        active ? balloon(memory.maximumKib()) : BalloonStats.UNKNOWN,
        disks(active),
        interfaces(active),
        active ? job() : JobInfo.NONE,
        DomainRates.UNKNOWN,
        Instant.now(),
        sampled,
        definition.devices());
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

  private record Memory(long currentKib, long maximumKib) {}

  /** Current and maximum memory: balloon stats, else virDomainGetInfo, else the definition. */
  private Memory memory(boolean active) {
    if (has(StatsGroup.BALLOON)) {
      BalloonStats b = DomainStatsParser.balloon(params);
      if (b.actualKib() >= 0 && b.maximumKib() >= 0) {
        return new Memory(b.actualKib(), b.maximumKib());
      }
    }
    if (active) {
      return new Memory(info().memoryKib(), info().maxMemKib());
    }
    return new Memory(definition.currentMemoryKib(), definition.memoryKib());
  }

  private CpuTimes cpu() {
    if (has(StatsGroup.CPU_TOTAL)) {
      return DomainStatsParser.cpuTimes(params);
    }
    return new CpuTimes(info().cpuTimeNs(), -1, -1);
  }

  private List<VcpuStats> vcpus() {
    if (has(StatsGroup.VCPU)) {
      return DomainStatsParser.vcpus(params);
    }
    return optional("vcpu", () -> PerDomainGuestStats.vcpus(dom), List.of());
  }

  private BalloonStats balloon(long maximumKib) {
    if (has(StatsGroup.BALLOON)) {
      return DomainStatsParser.balloon(params);
    }
    BalloonStats b =
        optional("balloon", () -> PerDomainGuestStats.memoryStats(dom), BalloonStats.UNKNOWN);
    // virDomainMemoryStats has no "maximum"; the bulk call's balloon.maximum is the domain's
    // maximum memory.
    return b.withMaximumKib(maximumKib);
  }

  private JobInfo job() {
    return optional("job", () -> PerDomainStats.jobInfo(dom), JobInfo.NONE);
  }

  private List<DiskStats> disks(boolean active) {
    List<BlockCounters> bulk = has(StatsGroup.BLOCK) ? DomainStatsParser.blocks(params) : null;
    return definition.disks().stream().map(d -> disk(d, counters(d, bulk, active))).toList();
  }

  private BlockCounters counters(DiskDefinition d, List<BlockCounters> bulk, boolean active) {
    if (bulk != null) {
      return DomainCollector.block(bulk, d.target()).orElse(null);
    }
    if (!active || d.source().isEmpty() || d.target().isEmpty()) {
      return null; // nothing to read: stopped domain, or a drive without media
    }
    BlockCounters counters = optional("disk", () -> blockStats(d.target()), null);
    BlockInfo sizes = diskSizes.get(d.target());
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

  private static DiskStats disk(DiskDefinition d, BlockCounters c) {
    String source = !d.source().isEmpty() || c == null || c.path() == null ? d.source() : c.path();
    if (c == null) {
      return new DiskStats(
          d.target(),
          d.bus(),
          d.type(),
          d.device(),
          d.driverType(),
          source,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          IoRates.UNKNOWN);
    }
    return new DiskStats(
        d.target(),
        d.bus(),
        d.type(),
        d.device(),
        d.driverType(),
        source,
        c.readRequests(),
        c.readBytes(),
        c.readTimeNs(),
        c.writeRequests(),
        c.writeBytes(),
        c.writeTimeNs(),
        c.flushRequests(),
        c.flushTimeNs(),
        c.errors(),
        c.capacityBytes(),
        c.allocationBytes(),
        c.physicalBytes(),
        IoRates.UNKNOWN);
  }

  private List<InterfaceStats> interfaces(boolean active) {
    List<NetCounters> bulk = has(StatsGroup.INTERFACE) ? DomainStatsParser.nets(params) : null;
    return definition.interfaces().stream()
        .map(i -> iface(i, netCounters(i, bulk, active)))
        .toList();
  }

  private NetCounters netCounters(InterfaceDefinition i, List<NetCounters> bulk, boolean active) {
    if (bulk != null) {
      return DomainCollector.net(bulk, i).orElse(null);
    }
    if (!active || i.target().isEmpty()) {
      return null;
    }
    return optional("interface", () -> PerDomainStats.interfaceStats(dom, i.target()), null);
  }

  private static InterfaceStats iface(InterfaceDefinition i, NetCounters c) {
    if (c == null) {
      return new InterfaceStats(
          i.target(),
          i.mac(),
          i.type(),
          i.source(),
          i.model(),
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          IoRates.UNKNOWN);
    }
    return new InterfaceStats(
        i.target(),
        i.mac(),
        i.type(),
        i.source(),
        i.model(),
        c.rxBytes(),
        c.rxPackets(),
        c.rxErrors(),
        c.rxDrops(),
        c.txBytes(),
        c.txPackets(),
        c.txErrors(),
        c.txDrops(),
        IoRates.UNKNOWN);
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
