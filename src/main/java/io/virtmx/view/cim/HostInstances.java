/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DomainTotals;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.NodeInfo;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The host-level instances: HostSystem (Name = FQDN), the resource pools ({@code MemoryPool/0},
 * {@code ProcessorPool/0}, {@code DiskPool/0} and one per storage pool, {@code NetworkPool/0} and
 * one per network, Graphics/Input/Controller pools), the two services and the management and
 * allocation capabilities.
 */
final class HostInstances {
  static final String MANAGEMENT_SERVICE = "Management Service";
  static final String POOL_SERVICE = "RPCS";

  /**
   * libvirt-cim's revision number, the newest its test suite (cimtest) tells apart: clients that
   * switch on it take the newest path (libvirt-cim's current error texts and classes).
   */
  static final String REVISION = "1312";

  private final ClassRepository repo;
  private final String p;
  private final HostSnapshot host;
  private final String fqdn;

  HostInstances(ClassRepository repo, String prefix, HostSnapshot host) {
    this.repo = repo;
    this.p = prefix + "_";
    this.host = host;
    this.fqdn = fqdn(host);
  }

  static String fqdn(HostSnapshot host) {
    return host.node().hostname().isEmpty() ? host.host() : host.node().hostname();
  }

  String fqdn() {
    return fqdn;
  }

  CimInstance hostSystem() {
    return InstanceBuilder.of(repo, p + "HostSystem")
        .set("CreationClassName", p + "HostSystem")
        .set("Name", fqdn)
        .set("ElementName", fqdn)
        .set("Caption", "Host System")
        .set("Description", "Virtual System Host")
        .set("EnabledState", host.up() ? 2L : 0L)
        .set("RequestedState", 12L)
        .set("NameFormat", "IP")
        .set("HealthState", host.up() ? 5L : 0L)
        .set("OperationalStatus", List.of(host.up() ? 2L : 13L))
        .set("Dedicated", List.of(0L))
        .build();
  }

  /** Every pool, in the order libvirt-cim lists them. */
  List<CimInstance> pools() {
    List<CimInstance> out = new ArrayList<>();
    NodeInfo node = host.node();
    DomainTotals totals = host.domainTotals();
    long usedKib = DomainInstances.kib(totals.activeMemoryBytes());
    long usedCpus = totals.activeVcpus();
    out.add(
        pool("MemoryPool", "MemoryPool/0", 4, true)
            .set("AllocationUnits", "KiloBytes")
            .set("Capacity", node.memoryTotalBytes() < 0 ? null : node.memoryTotalBytes() / 1024)
            .set("Reserved", usedKib)
            .build());
    out.add(
        pool("ProcessorPool", "ProcessorPool/0", 3, true)
            .set("AllocationUnits", "Processors")
            .set("Capacity", node.known() ? (long) node.cpus() : null)
            .set("Reserved", usedCpus)
            .build());
    long capacity = 0;
    long allocation = 0;
    for (PoolSnapshot pool : host.pools()) {
      capacity += Math.max(0, pool.capacityBytes());
      allocation += Math.max(0, pool.allocationBytes());
    }
    out.add(
        pool("DiskPool", "DiskPool/0", 17, true)
            .set("AllocationUnits", "Bytes")
            .set("Capacity", capacity)
            .set("Reserved", allocation)
            .build());
    for (PoolSnapshot pool : host.pools()) {
      out.add(
          pool("DiskPool", "DiskPool/" + pool.name(), 17, false)
              .set("ElementName", pool.name())
              .set("AllocationUnits", "Bytes")
              .set("Capacity", DomainInstances.positive(pool.capacityBytes()))
              .set("Reserved", DomainInstances.positive(pool.allocationBytes()))
              .set("Path", pool.targetPath())
              .set("Autostart", pool.autostart() ? 1L : 0L)
              .set("ResourceSubType", pool.type())
              .set("OperationalStatus", List.of(pool.active() ? 2L : 10L))
              .build());
    }
    out.add(pool("NetworkPool", "NetworkPool/0", 10, true).build());
    for (NetworkSnapshot net : host.networks()) {
      out.add(
          pool("NetworkPool", "NetworkPool/" + net.name(), 10, false)
              .set("ElementName", net.name())
              .set("Caption", net.bridge() == null ? null : "Bridge: " + net.bridge())
              .set("ResourceSubType", net.forwardMode())
              .set("OperationalStatus", List.of(net.active() ? 2L : 10L))
              .build());
    }
    out.add(pool("GraphicsPool", "GraphicsPool/0", 24, true).build());
    out.add(pool("InputPool", "InputPool/0", 13, true).build());
    out.add(pool("ControllerPool", "ControllerPool/0", 32771, true).build());
    return out;
  }

  private InstanceBuilder pool(String suffix, String id, long type, boolean primordial) {
    return InstanceBuilder.of(repo, p + suffix)
        .set("InstanceID", id)
        .set("PoolID", id)
        .set("ElementName", id)
        .set("ResourceType", type)
        .set("Primordial", primordial);
  }

  /** AllocationCapabilities of a pool: same InstanceID and ResourceType. */
  CimInstance allocationCapabilities(CimInstance pool) {
    return InstanceBuilder.of(repo, p + "AllocationCapabilities")
        .set("InstanceID", pool.get("InstanceID"))
        .set("ElementName", pool.get("InstanceID"))
        .set("ResourceType", pool.get("ResourceType"))
        .set("RequestTypesSupported", 3L)
        .set("SharingMode", 3L)
        .build();
  }

  CimInstance managementService() {
    return service("VirtualSystemManagementService", MANAGEMENT_SERVICE)
        .set("Revision", REVISION)
        .set("Changeset", "virtmx-" + version())
        .set("Release", version())
        .build();
  }

  CimInstance poolService() {
    return service("ResourcePoolConfigurationService", POOL_SERVICE).build();
  }

  private InstanceBuilder service(String suffix, String name) {
    return service(repo, p, fqdn, suffix, name);
  }

  /** A started, enabled host service {@code p + suffix} named {@code name} of host {@code fqdn}. */
  static InstanceBuilder service(
      ClassRepository repo, String p, String fqdn, String suffix, String name) {
    return InstanceBuilder.of(repo, p + suffix)
        .set("SystemCreationClassName", p + "HostSystem")
        .set("SystemName", fqdn)
        .set("CreationClassName", p + suffix)
        .set("Name", name)
        .set("ElementName", name)
        .set("Started", true)
        .set("EnabledState", 2L)
        .set("RequestedState", 12L)
        .set("OperationalStatus", List.of(2L))
        .set("HealthState", 5L);
  }

  CimInstance managementCapabilities() {
    return InstanceBuilder.of(repo, p + "VirtualSystemManagementCapabilities")
        .set("InstanceID", "ManagementCapabilities")
        .set("ElementName", "ManagementCapabilities")
        .set("VirtualSystemTypesSupported", List.of(p.substring(0, p.length() - 1)))
        .build();
  }

  static String version() {
    String v = HostInstances.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
