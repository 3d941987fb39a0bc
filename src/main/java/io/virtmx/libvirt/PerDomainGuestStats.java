/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static io.virtmx.libvirt.NativeLayout.MEMORY_STAT_SIZE;
import static io.virtmx.libvirt.NativeLayout.MEMORY_STAT_VAL;
import static io.virtmx.libvirt.NativeLayout.VCPU_INFO_CPU;
import static io.virtmx.libvirt.NativeLayout.VCPU_INFO_CPU_TIME;
import static io.virtmx.libvirt.NativeLayout.VCPU_INFO_SIZE;
import static io.virtmx.libvirt.NativeLayout.VCPU_INFO_STATE;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.virtmx.model.BalloonStats;
import io.virtmx.model.Values;
import io.virtmx.model.VcpuState;
import io.virtmx.model.VcpuStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-domain memory-balloon and vCPU calls on a raw {@code virDomainPtr}, the fallback for those
 * bulk groups.
 */
public final class PerDomainGuestStats {

  /** VIR_DOMAIN_MEMORY_STAT_NR in libvirt 9: tags 0..12. */
  static final int MEMORY_STAT_NR = 13;

  static final int TAG_SWAP_IN = 0;
  static final int TAG_SWAP_OUT = 1;
  static final int TAG_MAJOR_FAULT = 2;
  static final int TAG_MINOR_FAULT = 3;
  static final int TAG_UNUSED = 4;
  static final int TAG_AVAILABLE = 5;
  static final int TAG_ACTUAL_BALLOON = 6;
  static final int TAG_RSS = 7;
  static final int TAG_USABLE = 8;
  static final int TAG_LAST_UPDATE = 9;
  static final int TAG_DISK_CACHES = 10;

  private static final LibvirtNative LIB = LibvirtNative.INSTANCE;

  private PerDomainGuestStats() {}

  /**
   * {@code virDomainMemoryStats} as {@link BalloonStats}. The call has no maximum: {@code
   * maximumBytes} is unknown, take it from {@link PerDomainStats#info}.
   */
  public static BalloonStats memoryStats(Pointer dom) {
    long[] byTag = new long[MEMORY_STAT_NR];
    Arrays.fill(byTag, Values.UNKNOWN);
    try (Memory m = PerDomainStats.zeroed((long) MEMORY_STAT_NR * MEMORY_STAT_SIZE)) {
      int n =
          LibvirtErrors.check(
              LIB.virDomainMemoryStats(dom, m, MEMORY_STAT_NR, 0), "virDomainMemoryStats");
      for (int i = 0; i < n; i++) {
        int tag = m.getInt((long) i * MEMORY_STAT_SIZE);
        if (tag >= 0 && tag < MEMORY_STAT_NR) {
          byTag[tag] = m.getLong((long) i * MEMORY_STAT_SIZE + MEMORY_STAT_VAL);
        }
      }
    }
    return new BalloonStats(
        Values.kibToBytes(byTag[TAG_ACTUAL_BALLOON]),
        Values.UNKNOWN,
        Values.kibToBytes(byTag[TAG_UNUSED]),
        Values.kibToBytes(byTag[TAG_AVAILABLE]),
        Values.kibToBytes(byTag[TAG_USABLE]),
        Values.kibToBytes(byTag[TAG_RSS]),
        Values.kibToBytes(byTag[TAG_SWAP_IN]),
        Values.kibToBytes(byTag[TAG_SWAP_OUT]),
        byTag[TAG_MAJOR_FAULT],
        byTag[TAG_MINOR_FAULT],
        Values.kibToBytes(byTag[TAG_DISK_CACHES]),
        byTag[TAG_LAST_UPDATE]);
  }

  /**
   * {@code virDomainGetVcpus} for a running domain: number, state, CPU time and host CPU of each
   * vCPU; wait and delay are -1 (only bulk statistics have them).
   */
  public static List<VcpuStats> vcpus(Pointer dom) {
    int max = PerDomainStats.info(dom).nrVirtCpu();
    if (max <= 0) {
      return List.of();
    }
    try (Memory m = PerDomainStats.zeroed((long) max * VCPU_INFO_SIZE)) {
      int n = LibvirtErrors.check(LIB.virDomainGetVcpus(dom, m, max, null, 0), "virDomainGetVcpus");
      List<VcpuStats> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long base = (long) i * VCPU_INFO_SIZE;
        out.add(
            new VcpuStats(
                m.getInt(base),
                VcpuState.ofCode(m.getInt(base + VCPU_INFO_STATE)),
                m.getLong(base + VCPU_INFO_CPU_TIME),
                Values.UNKNOWN,
                Values.UNKNOWN,
                m.getInt(base + VCPU_INFO_CPU)));
      }
      return List.copyOf(out);
    }
  }

  /** Current and maximum vCPU count of the domain's present (live or config) definition. */
  public static VcpuCount vcpuCount(Pointer dom) {
    int current = LibvirtErrors.check(LIB.virDomainGetVcpusFlags(dom, 0), "virDomainGetVcpusFlags");
    int maximum =
        LibvirtErrors.check(
            LIB.virDomainGetVcpusFlags(dom, PerDomainStats.VCPU_MAXIMUM), "virDomainGetVcpusFlags");
    return new VcpuCount(current, maximum);
  }
}
