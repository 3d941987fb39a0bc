/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static io.virtmx.libvirt.NativeLayout.BLOCK_INFO_SIZE;
import static io.virtmx.libvirt.NativeLayout.BLOCK_STATS_SIZE;
import static io.virtmx.libvirt.NativeLayout.DOMAIN_INFO_CPU_TIME;
import static io.virtmx.libvirt.NativeLayout.DOMAIN_INFO_MAX_MEM;
import static io.virtmx.libvirt.NativeLayout.DOMAIN_INFO_MEMORY;
import static io.virtmx.libvirt.NativeLayout.DOMAIN_INFO_NR_VIRT_CPU;
import static io.virtmx.libvirt.NativeLayout.DOMAIN_INFO_SIZE;
import static io.virtmx.libvirt.NativeLayout.DOMAIN_INFO_STATE;
import static io.virtmx.libvirt.NativeLayout.INTERFACE_STATS_SIZE;
import static io.virtmx.libvirt.NativeLayout.JOB_INFO_SIZE;
import static io.virtmx.libvirt.NativeLayout.TYPED_PARAM_SIZE;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.DomainState;
import io.virtmx.model.JobInfo;
import io.virtmx.model.JobType;
import io.virtmx.model.NetIo;
import io.virtmx.model.StateReason;
import io.virtmx.model.Values;
import java.time.Duration;
import java.util.Map;

/**
 * Per-domain libvirt calls on a raw {@code virDomainPtr}, used where bulk statistics lack a group;
 * results are the same intermediate records {@link DomainStatsParser} produces. Memory and vCPU
 * calls live in {@link PerDomainGuestStats}.
 */
public final class PerDomainStats {

  /** virDomainGetVcpusFlags: ask for the maximum rather than the current count. */
  public static final int VCPU_MAXIMUM = 1 << 2;

  private static final LibvirtNative LIB = LibvirtNative.INSTANCE;

  private PerDomainStats() {}

  public static StateReason state(Pointer dom) {
    IntByReference state = new IntByReference();
    IntByReference reason = new IntByReference();
    LibvirtErrors.check(LIB.virDomainGetState(dom, state, reason, 0), "virDomainGetState");
    return new StateReason(DomainState.ofCode(state.getValue()), Math.max(0, reason.getValue()));
  }

  public static DomainBasicInfo info(Pointer dom) {
    try (Memory m = zeroed(DOMAIN_INFO_SIZE)) {
      LibvirtErrors.check(LIB.virDomainGetInfo(dom, m), "virDomainGetInfo");
      return new DomainBasicInfo(
          DomainState.ofCode(Byte.toUnsignedInt(m.getByte(DOMAIN_INFO_STATE))),
          m.getNativeLong(DOMAIN_INFO_MAX_MEM).longValue(),
          m.getNativeLong(DOMAIN_INFO_MEMORY).longValue(),
          Short.toUnsignedInt(m.getShort(DOMAIN_INFO_NR_VIRT_CPU)),
          m.getLong(DOMAIN_INFO_CPU_TIME));
    }
  }

  /**
   * Counters of disk {@code target} (e.g. "vda"): {@code virDomainBlockStatsFlags} for times and
   * flushes, else {@code virDomainBlockStats} when the driver lacks it. Sizes are -1; add them with
   * {@link #blockInfo}.
   */
  public static BlockCounters blockStats(Pointer dom, String target) {
    try {
      return blockStatsFlags(dom, target);
    } catch (LibvirtCallException e) {
      if (!e.isNoSupport()) {
        throw e;
      }
      return blockStatsLegacy(dom, target);
    }
  }

  public static BlockCounters blockStatsFlags(Pointer dom, String target) {
    IntByReference n = new IntByReference(0);
    LibvirtErrors.check(
        LIB.virDomainBlockStatsFlags(dom, target, null, n, 0), "virDomainBlockStatsFlags");
    if (n.getValue() <= 0) {
      return blockCounters(target, Map.of());
    }
    try (Memory params = zeroed((long) n.getValue() * TYPED_PARAM_SIZE)) {
      LibvirtErrors.check(
          LIB.virDomainBlockStatsFlags(dom, target, params, n, 0), "virDomainBlockStatsFlags");
      try {
        return blockCounters(target, TypedParams.decode(params, n.getValue()));
      } finally {
        TypedParams.clear(params, n.getValue());
      }
    }
  }

  private static BlockCounters blockCounters(String target, Map<String, Object> p) {
    return new BlockCounters(
        target,
        null,
        new BlockIo(
            num(p, "rd_operations"),
            num(p, "rd_bytes"),
            num(p, "rd_total_times"),
            num(p, "wr_operations"),
            num(p, "wr_bytes"),
            num(p, "wr_total_times"),
            num(p, "flush_operations"),
            num(p, "flush_total_times"),
            num(p, "errs")),
        BlockSizes.UNKNOWN);
  }

  public static BlockCounters blockStatsLegacy(Pointer dom, String target) {
    try (Memory m = zeroed(BLOCK_STATS_SIZE)) {
      LibvirtErrors.check(
          LIB.virDomainBlockStats(dom, target, m, new NativeLong(BLOCK_STATS_SIZE)),
          "virDomainBlockStats");
      // virDomainBlockStatsStruct: rd_req, rd_bytes, wr_req, wr_bytes, errs; no times or flushes
      return new BlockCounters(
          target,
          null,
          new BlockIo(
              m.getLong(0),
              m.getLong(8),
              Values.UNKNOWN,
              m.getLong(16),
              m.getLong(24),
              Values.UNKNOWN,
              Values.UNKNOWN,
              Values.UNKNOWN,
              m.getLong(32)),
          BlockSizes.UNKNOWN);
    }
  }

  /** Capacity, allocation and physical size of disk {@code target}. */
  public static BlockSizes blockInfo(Pointer dom, String target) {
    try (Memory m = zeroed(BLOCK_INFO_SIZE)) {
      LibvirtErrors.check(LIB.virDomainGetBlockInfo(dom, target, m, 0), "virDomainGetBlockInfo");
      // virDomainBlockInfo: capacity, allocation, physical
      return new BlockSizes(m.getLong(0), m.getLong(8), m.getLong(16));
    }
  }

  /**
   * Counters of interface {@code device}: the host-side target (vnet0) or the guest MAC address.
   */
  public static NetCounters interfaceStats(Pointer dom, String device) {
    try (Memory m = zeroed(INTERFACE_STATS_SIZE)) {
      LibvirtErrors.check(
          LIB.virDomainInterfaceStats(dom, device, m, new NativeLong(INTERFACE_STATS_SIZE)),
          "virDomainInterfaceStats");
      return new NetCounters(
          device,
          new NetIo(
              m.getLong(0),
              m.getLong(8),
              m.getLong(16),
              m.getLong(24),
              m.getLong(32),
              m.getLong(40),
              m.getLong(48),
              m.getLong(56)));
    }
  }

  /** The domain's current background job, or {@link JobInfo#NONE}. */
  public static JobInfo jobInfo(Pointer dom) {
    try (Memory m = zeroed(JOB_INFO_SIZE)) {
      LibvirtErrors.check(LIB.virDomainGetJobInfo(dom, m), "virDomainGetJobInfo");
      JobType type = JobType.ofCode(m.getInt(0));
      if (type == JobType.NONE) {
        return JobInfo.NONE;
      }
      return new JobInfo(
          type,
          Duration.ofMillis(m.getLong(8)),
          Duration.ofMillis(m.getLong(16)),
          m.getLong(24),
          m.getLong(32),
          m.getLong(40));
    }
  }

  static Memory zeroed(long size) {
    Memory m = new Memory(size);
    m.clear();
    return m;
  }

  private static long num(Map<String, Object> p, String key) {
    return p.get(key) instanceof Number n ? n.longValue() : Values.UNKNOWN;
  }
}
