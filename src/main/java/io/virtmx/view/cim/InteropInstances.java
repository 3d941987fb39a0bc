/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * root/interop: the RegisteredProfiles libvirt-cim advertises (DSP1042, DSP1057, DSP1059
 * disk/net/proc, DSP1045, DSP1041 disk/net/proc/mem, DSP1043), ElementConformsToProfile to their
 * central instances in root/virt, and the object manager with its two namespaces.
 */
final class InteropInstances {
  static final String OBJECT_MANAGER = "virtmx";

  /** A profile: InstanceID, name, version and the class suffix of its central instances. */
  record Profile(String id, String name, String version, String central) {}

  static final List<Profile> PROFILES =
      List.of(
          new Profile(
              "CIM:DSP1042-SystemVirtualization-1.0.0",
              "System Virtualization",
              "1.0.0",
              "HostSystem"),
          new Profile(
              "CIM:DSP1057-VirtualSystem-1.0.0a",
              "Virtual System Profile",
              "1.0.0a",
              "ComputerSystem"),
          new Profile(
              "CIM:DSP1059-GenericDeviceResourceVirtualization-1.0.0_d",
              "Generic Device Resource Virtualization",
              "1.0.0",
              "DiskPool"),
          new Profile(
              "CIM:DSP1059-GenericDeviceResourceVirtualization-1.0.0_n",
              "Generic Device Resource Virtualization",
              "1.0.0",
              "NetworkPool"),
          new Profile(
              "CIM:DSP1059-GenericDeviceResourceVirtualization-1.0.0_p",
              "Generic Device Resource Virtualization",
              "1.0.0",
              "ProcessorPool"),
          new Profile(
              "CIM:DSP1045-MemoryResourceVirtualization-1.0.0",
              "Memory Resource Virtualization",
              "1.0.0",
              "MemoryPool"),
          new Profile(
              "CIM:DSP1041-ResourceAllocation-1.1.0c_d",
              "Resource Allocation",
              "1.1.0c",
              "DiskPool"),
          new Profile(
              "CIM:DSP1041-ResourceAllocation-1.1.0c_n",
              "Resource Allocation",
              "1.1.0c",
              "NetworkPool"),
          new Profile(
              "CIM:DSP1041-ResourceAllocation-1.1.0c_p",
              "Resource Allocation",
              "1.1.0c",
              "ProcessorPool"),
          new Profile(
              "CIM:DSP1041-ResourceAllocation-1.1.0c_m",
              "Resource Allocation",
              "1.1.0c",
              "MemoryPool"),
          new Profile(
              "CIM:DSP1043-AllocationCapabilities-1.0.0a",
              "Allocation Capabilities",
              "1.0.0a",
              "AllocationCapabilities"));

  private final ClassRepository repo;
  private final String p;
  private final String fqdn;

  InteropInstances(ClassRepository repo, String prefix, String fqdn) {
    this.repo = repo;
    this.p = prefix + "_";
    this.fqdn = fqdn;
  }

  List<CimInstance> profiles() {
    List<CimInstance> out = new ArrayList<>();
    for (Profile pr : PROFILES) {
      out.add(
          InstanceBuilder.of(repo, p + "RegisteredProfile")
              .set("InstanceID", pr.id())
              .set("ElementName", pr.name())
              .set("RegisteredOrganization", 2L)
              .set("RegisteredName", pr.name())
              .set("RegisteredVersion", pr.version())
              .set("AdvertiseTypes", List.of(3L))
              .build());
    }
    return out;
  }

  /**
   * ElementConformsToProfile from each profile (in root/interop) to its central instances (in
   * root/virt).
   */
  List<CimInstance> conformance(HostModel model) {
    Associations a =
        new Associations(
            repo, p + "ElementConformsToProfile", "ConformantStandard", "ManagedElement");
    for (CimInstance profile : model.instances(HostModel.INTEROP, p + "RegisteredProfile")) {
      String central =
          PROFILES.stream()
              .filter(pr -> pr.id().equals(profile.get("InstanceID")))
              .findFirst()
              .orElseThrow()
              .central();
      a.linkAll(
          profile.path().withNamespace(HostModel.INTEROP),
          model.instances(HostModel.VIRT, p + central),
          HostModel.VIRT);
    }
    return a.list();
  }

  List<CimInstance> namespaces(List<String> virtNamespaces) {
    List<CimInstance> out = new ArrayList<>();
    List<String> all = new ArrayList<>(List.of(HostModel.INTEROP));
    all.addAll(virtNamespaces);
    for (String ns : all) {
      out.add(
          InstanceBuilder.of(repo, "CIM_Namespace")
              .set("SystemCreationClassName", p + "HostSystem")
              .set("SystemName", fqdn)
              .set("ObjectManagerCreationClassName", "CIM_ObjectManager")
              .set("ObjectManagerName", OBJECT_MANAGER)
              .set("CreationClassName", "CIM_Namespace")
              .set("Name", ns)
              .set("ElementName", ns)
              .set("ClassInfo", 0L)
              .set("ClassTypeVersion", "2.22.0")
              .build());
    }
    return out;
  }

  CimInstance objectManager() {
    return InstanceBuilder.of(repo, "CIM_ObjectManager")
        .set("SystemCreationClassName", p + "HostSystem")
        .set("SystemName", fqdn)
        .set("CreationClassName", "CIM_ObjectManager")
        .set("Name", OBJECT_MANAGER)
        .set("ElementName", OBJECT_MANAGER)
        .set("Description", "virtmx WBEM server " + HostInstances.version())
        .set("Started", true)
        .set("EnabledState", 2L)
        .set("RequestedState", 12L)
        .set("OperationalStatus", List.of(2L))
        .set("GatherStatisticalData", false)
        .build();
  }
}
