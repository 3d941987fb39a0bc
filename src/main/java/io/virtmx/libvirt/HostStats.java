/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static io.virtmx.libvirt.NativeLayout.NODE_CPU_STATS_SIZE;
import static io.virtmx.libvirt.NativeLayout.NODE_CPU_STATS_VALUE;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.virtmx.model.NodeCpuTimes;
import java.util.HashMap;
import java.util.Map;

/**
 * Host-level libvirt calls on a raw {@code virConnectPtr}: node CPU times and DHCP lease counts of
 * a network.
 */
public final class HostStats {

  /** virNodeGetCPUStats cpuNum for the sum over all host CPUs. */
  public static final int ALL_CPUS = -1;

  private static final LibvirtNative LIB = LibvirtNative.INSTANCE;

  private HostStats() {}

  /** Cumulative user/kernel/idle/iowait time of all host CPUs (kernel is reported as system). */
  public static NodeCpuTimes nodeCpuTimes(Pointer conn) {
    Map<String, Long> f = nodeCpuStats(conn, ALL_CPUS);
    return new NodeCpuTimes(
        f.getOrDefault("user", -1L),
        f.getOrDefault("kernel", -1L),
        f.getOrDefault("idle", -1L),
        f.getOrDefault("iowait", -1L));
  }

  /**
   * Raw {@code virNodeGetCPUStats} fields of one CPU or {@link #ALL_CPUS}, in ns (or percent for
   * utilization).
   */
  public static Map<String, Long> nodeCpuStats(Pointer conn, int cpuNum) {
    IntByReference n = new IntByReference(0);
    LibvirtErrors.check(LIB.virNodeGetCPUStats(conn, cpuNum, null, n, 0), "virNodeGetCPUStats");
    Map<String, Long> out = new HashMap<>();
    if (n.getValue() <= 0) {
      return out;
    }
    try (Memory m = PerDomainStats.zeroed((long) n.getValue() * NODE_CPU_STATS_SIZE)) {
      LibvirtErrors.check(LIB.virNodeGetCPUStats(conn, cpuNum, m, n, 0), "virNodeGetCPUStats");
      for (int i = 0; i < n.getValue(); i++) {
        Pointer p = m.share((long) i * NODE_CPU_STATS_SIZE);
        out.put(TypedParams.field(p), p.getLong(NODE_CPU_STATS_VALUE));
      }
    }
    return out;
  }

  /** Number of current DHCP leases of the virtual network {@code name}. */
  public static int dhcpLeaseCount(Pointer conn, String name) {
    Pointer net =
        LibvirtErrors.check(LIB.virNetworkLookupByName(conn, name), "virNetworkLookupByName");
    try {
      return dhcpLeaseCountOf(net);
    } finally {
      LIB.virNetworkFree(net);
    }
  }

  /**
   * Number of current DHCP leases of a raw {@code virNetworkPtr}; the lease array is fetched and
   * freed.
   */
  public static int dhcpLeaseCountOf(Pointer net) {
    PointerByReference leases = new PointerByReference();
    int n =
        LibvirtErrors.check(
            LIB.virNetworkGetDHCPLeases(net, null, leases, 0), "virNetworkGetDHCPLeases");
    Pointer array = leases.getValue();
    if (array != null) {
      for (int i = 0; i < n; i++) {
        LIB.virNetworkDHCPLeaseFree(array.getPointer((long) i * Native.POINTER_SIZE));
      }
      Native.free(Pointer.nativeValue(array));
    }
    return n;
  }
}
