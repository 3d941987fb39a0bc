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
            .set("VirtualQuantity", (long) d.vcpusCurrent())
            .set("Limit", d.vcpusMax() > 0 ? (long) d.vcpusMax() : null)
            .build());
    out.add(
        of("MemResourceAllocationSettingData")
            .set("InstanceID", d.name() + "/mem")
            .set("ElementName", "mem")
            .set("Caption", "Memory")
            .set("ResourceType", 4L)
            .set("PoolID", "MemoryPool/0")
            .set("AllocationUnits", "KiloBytes")
            .set("VirtualQuantity", positive(d.memoryCurrentKib()))
            .set("Reservation", positive(d.memoryCurrentKib()))
            .set("Limit", positive(d.memoryMaxKib()))
            .build());
    for (DiskStats disk : d.disks()) {
      out.add(
          of("DiskResourceAllocationSettingData")
              .set("InstanceID", d.name() + "/" + disk.target())
              .set("ElementName", disk.target())
              .set("Caption", "Disk")
              .set("ResourceType", 17L)
              .set("PoolID", diskPool(disk))
              .set("VirtualDevice", disk.target())
              .set("BusType", blankToNull(disk.bus()))
              .set("DriverName", blankToNull(disk.driver()))
              .set("EmulatedType", emulatedType(disk.device()))
              .set(
                  "HostResource",
                  blankToNull(disk.source()) == null ? null : List.of(disk.source()))
              .set("AllocationUnits", "Bytes")
              .set("VirtualQuantity", positive(disk.capacityBytes()))
              .build());
    }
    for (InterfaceStats nic : d.interfaces()) {
      out.add(
          of("NetResourceAllocationSettingData")
              .set("InstanceID", d.name() + "/" + nic.mac())
              .set("ElementName", nic.mac())
              .set("Caption", "NIC")
              .set("ResourceType", 10L)
              .set("PoolID", netPool(nic))
              .set("Address", nic.mac())
              .set("NetworkType", blankToNull(nic.type()))
              .set("NetworkName", blankToNull(nic.source()))
              .set("VirtualDevice", blankToNull(nic.target()))
              .set("ResourceSubType", blankToNull(nic.model()))
              .set("Connection", blankToNull(nic.source()) == null ? null : List.of(nic.source()))
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
        new ArrayList<>(1 + d.vcpusCurrent() + d.disks().size() + d.interfaces().size());
    long enabled = d.active() ? 2L : 3L;
    for (int i = 0; i < d.vcpusCurrent(); i++) {
      out.add(
          device("Processor", d, String.valueOf(i))
              .set("Role", "Central Processor")
              .set("EnabledState", enabled)
              .build());
    }
    long max = d.memoryMaxKib() > 0 ? d.memoryMaxKib() : d.memoryCurrentKib();
    out.add(
        device("Memory", d, "mem")
            .set("BlockSize", 1024L)
            .set("NumberOfBlocks", positive(max))
            .set("ConsumableBlocks", positive(d.memoryCurrentKib()))
            .set("EnabledState", enabled)
            .build());
    for (DiskStats disk : d.disks()) {
      long capacity = disk.capacityBytes();
      out.add(
          device("LogicalDisk", d, disk.target())
              .set("Name", disk.target())
              .set("EnabledState", enabled)
              .set("BlockSize", 512L)
              .set("NumberOfBlocks", capacity > 0 ? capacity / 512 : null)
              .build());
    }
    for (InterfaceStats nic : d.interfaces()) {
      out.add(
          device("NetworkPort", d, nic.mac())
              .set("Name", blankToNull(nic.target()))
              .set("EnabledState", enabled)
              .set(
                  "PermanentAddress", nic.mac().replace(":", "").toUpperCase(java.util.Locale.ROOT))
              .set("NetworkAddresses", List.of(nic.mac()))
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
    return disk.source() == null
        ? "DiskPool/0"
        : poolOfVolume.getOrDefault(disk.source(), "DiskPool/0");
  }

  String netPool(InterfaceStats nic) {
    return "network".equals(nic.type())
            && nic.source() != null
            && host.network(nic.source()).isPresent()
        ? "NetworkPool/" + nic.source()
        : "NetworkPool/0";
  }

  private static Long emulatedType(String device) {
    return switch (device == null ? "" : device) {
      case "disk" -> 0L;
      case "cdrom" -> 1L;
      case "floppy" -> 2L;
      case "lun" -> 4L;
      default -> null;
    };
  }

  static Long positive(long v) {
    return v >= 0 ? v : null;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
