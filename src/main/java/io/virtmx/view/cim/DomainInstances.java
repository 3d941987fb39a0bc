/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.VolumeSnapshot;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances of one domain, as libvirt-cim names them: ComputerSystem (Name = domain),
 * VirtualSystemSettingData ({@code KVM:vm1}), the RASDs ({@code vm1/proc}, {@code vm1/mem}, {@code
 * vm1/vda}, {@code vm1/52:54:00:…}), the devices (Processor {@code vm1/0}…, Memory {@code vm1/mem},
 * LogicalDisk, NetworkPort; the other devices come from {@link DeviceInstances}) and its
 * EnabledLogicalElementCapabilities (InstanceID = domain name).
 */
final class DomainInstances {
  static final List<Long> STATES_SUPPORTED = List.of(2L, 3L, 4L, 9L, 10L, 11L);

  private final ClassRepository repo;
  private final String p;
  private final Map<String, String> poolOfVolume = new HashMap<>();
  private final HostSnapshot host;
  private final DeviceInstances others;

  DomainInstances(ClassRepository repo, String prefix, HostSnapshot host) {
    this.repo = repo;
    this.p = prefix + "_";
    this.host = host;
    this.others = new DeviceInstances(repo, p);
    for (PoolSnapshot pool : host.pools()) {
      for (VolumeSnapshot v : pool.volumes()) {
        if (v.path() != null) {
          poolOfVolume.put(v.path(), "DiskPool/" + pool.name());
        }
      }
    }
  }

  private InstanceBuilder of(String suffix) {
    return InstanceBuilder.of(repo, p + suffix);
  }

  CimInstance computerSystem(DomainSnapshot d, int requestedState) {
    return of("ComputerSystem")
        .set("CreationClassName", p + "ComputerSystem")
        .set("Name", d.name())
        .set("ElementName", d.name())
        .set("Caption", "Virtual System")
        .set("Description", "Virtual System")
        .set("UUID", d.uuid())
        .set("EnabledState", (long) StateMapping.enabledState(d.state()))
        .set("RequestedState", (long) requestedState)
        .set("EnabledDefault", 2L)
        .set("HealthState", (long) StateMapping.healthState(d.state()))
        .set("OperationalStatus", List.of(StateMapping.operationalStatus(d.state())))
        .set("OperatingStatus", (long) StateMapping.operatingStatus(d.state()))
        .set(
            "OtherIdentifyingInfo",
            List.of(p.substring(0, p.length() - 1), d.os().machine(), d.uuid()))
        .set("IdentifyingDescriptions", List.of("Type", "Model", "UUID"))
        .set("Dedicated", List.of(0L))
        .build();
  }

  CimInstance settings(DomainSnapshot d) {
    String type = p.substring(0, p.length() - 1);
    return of("VirtualSystemSettingData")
        .set("InstanceID", type + ":" + d.name())
        .set("ElementName", d.name())
        .set("Caption", "Virtual System")
        .set("Description", "Virtual System")
        .set("VirtualSystemIdentifier", d.name())
        .set("VirtualSystemType", type)
        .set("UUID", d.uuid())
        .set("AutoStart", d.autostart() ? 1L : 0L)
        .set("Arch", blankToNull(d.os().arch()))
        .set("Machine", blankToNull(d.os().machine()))
        .build();
  }

  CimInstance capabilities(DomainSnapshot d) {
    return of("EnabledLogicalElementCapabilities")
        .set("InstanceID", d.name())
        .set("ElementName", d.name())
        .set("RequestedStatesSupported", STATES_SUPPORTED)
        .set("ElementNameEditSupported", false)
        .build();
  }

  /**
   * proc, mem, a RASD per disk and per interface, then graphics, input, controllers and consoles.
   */
  List<CimInstance> resourceSettings(DomainSnapshot d) {
    List<CimInstance> out = new ArrayList<>(2 + d.disks().size() + d.interfaces().size());
    out.add(
        of("ProcResourceAllocationSettingData")
            .set("InstanceID", d.name() + "/proc")
            .set("ElementName", "proc")
            .set("Caption", "Processor")
            .set("ResourceType", 3L)
            .set("PoolID", "ProcessorPool/0")
            .set("AllocationUnits", "Processors")
            .set("VirtualQuantity", (long) d.vcpus().current())
            .set("Limit", d.vcpus().maximum() > 0 ? (long) d.vcpus().maximum() : null)
            .build());
    out.add(
        of("MemResourceAllocationSettingData")
            .set("InstanceID", d.name() + "/mem")
            .set("ElementName", "mem")
            .set("Caption", "Memory")
            .set("ResourceType", 4L)
            .set("PoolID", "MemoryPool/0")
            .set("AllocationUnits", "KiloBytes")
            .set("VirtualQuantity", positive(kib(d.memory().currentBytes())))
            .set("Reservation", positive(kib(d.memory().currentBytes())))
            .set("Limit", positive(kib(d.memory().maximumBytes())))
            .build());
    for (DiskStats disk : d.disks()) {
      out.add(
          of("DiskResourceAllocationSettingData")
              .set("InstanceID", d.name() + "/" + disk.id())
              .set("ElementName", disk.id())
              .set("Caption", "Disk")
              .set("ResourceType", 17L)
              .set("PoolID", diskPool(disk))
              .set("VirtualDevice", disk.device().target())
              .set("BusType", blankToNull(disk.device().bus()))
              .set("DriverName", blankToNull(disk.device().driver()))
              .set("EmulatedType", emulatedType(disk.device().device()))
              .set(
                  "HostResource",
                  blankToNull(disk.device().source()) == null
                      ? null
                      : List.of(disk.device().source()))
              .set("AllocationUnits", "Bytes")
              .set("VirtualQuantity", positive(disk.sizes().capacityBytes()))
              .build());
    }
    for (InterfaceStats nic : d.interfaces()) {
      out.add(
          of("NetResourceAllocationSettingData")
              .set("InstanceID", d.name() + "/" + nic.device().mac())
              .set("ElementName", nic.device().mac())
              .set("Caption", "NIC")
              .set("ResourceType", 10L)
              .set("PoolID", netPool(nic))
              .set("Address", nic.device().mac())
              .set("NetworkType", blankToNull(nic.device().type()))
              .set("NetworkName", blankToNull(nic.device().source()))
              .set("VirtualDevice", blankToNull(nic.device().target()))
              .set("ResourceSubType", blankToNull(nic.device().model()))
              .set(
                  "Connection",
                  blankToNull(nic.device().source()) == null
                      ? null
                      : List.of(nic.device().source()))
              .build());
    }
    out.addAll(others.resourceSettings(d));
    return out;
  }

  /**
   * Processors 0..n-1, Memory, a LogicalDisk per disk, a NetworkPort per interface, display and
   * pointing devices.
   */
  List<CimInstance> devices(DomainSnapshot d) {
    List<CimInstance> out =
        new ArrayList<>(1 + d.vcpus().current() + d.disks().size() + d.interfaces().size());
    long enabled = d.active() ? 2L : 3L;
    for (int i = 0; i < d.vcpus().current(); i++) {
      out.add(
          device("Processor", d, String.valueOf(i))
              .set("Role", "Central Processor")
              .set("EnabledState", enabled)
              .build());
    }
    long max =
        kib(d.memory().maximumBytes() > 0 ? d.memory().maximumBytes() : d.memory().currentBytes());
    out.add(
        device("Memory", d, "mem")
            .set("BlockSize", 1024L)
            .set("NumberOfBlocks", positive(max))
            .set("ConsumableBlocks", positive(kib(d.memory().currentBytes())))
            .set("EnabledState", enabled)
            .build());
    for (DiskStats disk : d.disks()) {
      long capacity = disk.sizes().capacityBytes();
      out.add(
          device("LogicalDisk", d, disk.id())
              .set("Name", disk.device().target())
              .set("EnabledState", enabled)
              .set("BlockSize", 512L)
              .set("NumberOfBlocks", capacity > 0 ? capacity / 512 : null)
              .build());
    }
    for (InterfaceStats nic : d.interfaces()) {
      out.add(
          device("NetworkPort", d, nic.device().mac())
              .set("Name", blankToNull(nic.device().target()))
              .set("EnabledState", enabled)
              .set(
                  "PermanentAddress",
                  nic.device().mac().replace(":", "").toUpperCase(java.util.Locale.ROOT))
              .set("NetworkAddresses", List.of(nic.device().mac()))
              .set("LinkTechnology", 2L)
              .build());
    }
    out.addAll(others.devices(d, enabled));
    return out;
  }

  private InstanceBuilder device(String suffix, DomainSnapshot d, String id) {
    return others.device(suffix, d, id);
  }

  String diskPool(DiskStats disk) {
    return poolOfVolume.getOrDefault(disk.device().source(), "DiskPool/0");
  }

  String netPool(InterfaceStats nic) {
    return "network".equals(nic.device().type()) && host.network(nic.device().source()).isPresent()
        ? "NetworkPool/" + nic.device().source()
        : "NetworkPool/0";
  }

  private static Long emulatedType(String device) {
    return switch (device) {
      case "disk" -> 0L;
      case "cdrom" -> 1L;
      case "floppy" -> 2L;
      case "lun" -> 4L;
      default -> null;
    };
  }

  /** Bytes of the model in KiB, the unit libvirt-cim's memory properties use. */
  static long kib(long bytes) {
    return bytes < 0 ? bytes : bytes / 1024;
  }

  static Long positive(long v) {
    return v >= 0 ? v : null;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
