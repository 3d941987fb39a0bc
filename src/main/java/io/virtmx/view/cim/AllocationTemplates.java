/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.NodeInfo;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a pool's AllocationCapabilities define through SettingsDefineCapabilities, named as
 * libvirt-cim names them (InstanceID {@code Minimum}, {@code Maximum}, {@code Increment}, {@code
 * Default}): memory (KiloBytes: 64 MiB, the host's memory, 1 MiB, 256 MiB) and processors (1, the
 * host's CPUs, 1, 1), and a Default disk (5000 MegaBytes) and NIC (one, on network {@code default}
 * when the host has it). Maxima come from the snapshot's node facts and are left out when the node
 * is not known. They are reachable through the association and GetInstance, not listed by
 * EnumerateInstances, as with libvirt-cim.
 */
final class AllocationTemplates {
  static final String MINIMUM = "Minimum";
  static final String MAXIMUM = "Maximum";
  static final String INCREMENT = "Increment";
  static final String DEFAULT = "Default";

  private final ClassRepository repo;
  private final String p;
  private final HostSnapshot host;

  AllocationTemplates(ClassRepository repo, String prefix, HostSnapshot host) {
    this.repo = repo;
    this.p = prefix + "_";
    this.host = host;
  }

  List<CimInstance> all() {
    List<CimInstance> out = new ArrayList<>();
    NodeInfo node = host.node();
    Long memoryKib = node.memoryTotalBytes() <= 0 ? null : node.memoryTotalBytes() / 1024;
    Long cpus = node.cpus() <= 0 ? null : (long) node.cpus();
    addRange(
        out,
        "Mem",
        4,
        "MemoryPool/0",
        "KiloBytes",
        new Long[] {64L << 10, memoryKib, 1L << 10, 256L << 10});
    addRange(out, "Proc", 3, "ProcessorPool/0", "Processors", new Long[] {1L, cpus, 1L, 1L});
    out.add(
        of("Disk", 17, DEFAULT)
            .set("Caption", "Disk")
            .set("AllocationUnits", "MegaBytes")
            .set("VirtualQuantity", 5000L)
            .set("EmulatedType", 0L)
            .build());
    String network = host.network("default").map(NetworkSnapshot::name).orElse(null);
    out.add(
        of("Net", 10, DEFAULT)
            .set("Caption", "NIC")
            .set("VirtualQuantity", 1L)
            .set("NetworkType", "network")
            .set("NetworkName", network)
            .set("PoolID", network == null ? null : "NetworkPool/" + network)
            .build());
    return out;
  }

  /**
   * Minimum, Maximum, Increment and Default of one resource, quantities in that order; null ones
   * left out.
   */
  private void addRange(
      List<CimInstance> out, String kind, long type, String pool, String units, Long[] quantities) {
    String[] ids = {MINIMUM, MAXIMUM, INCREMENT, DEFAULT};
    for (int i = 0; i < ids.length; i++) {
      if (quantities[i] == null) {
        continue;
      }
      out.add(
          of(kind, type, ids[i])
              .set("PoolID", pool)
              .set("AllocationUnits", units)
              .set("VirtualQuantity", quantities[i])
              .build());
    }
  }

  private InstanceBuilder of(String kind, long type, String id) {
    return InstanceBuilder.of(repo, p + kind + "ResourceAllocationSettingData")
        .set("InstanceID", id)
        .set("ElementName", id)
        .set("ResourceType", type);
  }

  /**
   * ValueRole (0 Default, 3 Supported) and ValueRange (0 Point, 1 Minimums, 2 Maximums, 3
   * Increments) of one.
   */
  static long[] roleAndRange(String instanceId) {
    return switch (instanceId) {
      case MINIMUM -> new long[] {3, 1};
      case MAXIMUM -> new long[] {3, 2};
      case INCREMENT -> new long[] {3, 3};
      default -> new long[] {0, 0};
    };
  }
}
