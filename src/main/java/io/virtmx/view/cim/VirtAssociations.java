/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The associations of root/virt, between instances the model already has: SystemDevice (system to
 * its devices), VirtualSystemSettingDataComponent (VSSD to RASDs), SettingsDefineState (device to
 * its RASD), ElementSettingData (system to VSSD), ElementCapabilities, ElementAllocatedFromPool,
 * ResourceAllocationFromPool, HostedResourcePool, HostedService, HostedDependency (host to its
 * virtual systems), the console's HostedAccessPoint, ServiceAccessBySAP and SAPAvailableForElement
 * (system to its KVMRedirectionSAPs) and SettingsDefineCapabilities (a pool's AllocationCapabilities to its {@link
 * AllocationTemplates}).
 */
final class VirtAssociations {
  private final ClassRepository repo;
  private final HostModel model;
  private final String p;

  VirtAssociations(ClassRepository repo, HostModel model, String p) {
    this.repo = repo;
    this.model = model;
    this.p = p;
  }

  private Associations assoc(String suffix, String left, String right) {
    return new Associations(repo, p + suffix, left, right);
  }

  private List<CimInstance> of(String suffix) {
    return model.instances(model.namespace(), p + suffix);
  }

  private CimObjectPath one(String suffix) {
    return of(suffix).get(0).path().withNamespace(model.namespace());
  }

  private Map<String, CimObjectPath> pathsBy(List<CimInstance> list, String property) {
    Map<String, CimObjectPath> out = new HashMap<>();
    list.forEach(i -> out.put(String.valueOf(i.get(property)), i.path().withNamespace(model.namespace())));
    return out;
  }

  private static String domainOf(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  List<CimInstance> build(String suffix) {
    List<CimInstance> devices = model.group("device");
    List<CimInstance> rasds = model.group("rasd");
    List<CimInstance> pools = model.group("pool");
    Map<String, CimObjectPath> systems = pathsBy(of("ComputerSystem"), "Name");
    return switch (suffix) {
      case "SystemDevice" ->
          assoc(suffix, "GroupComponent", "PartComponent")
              .linkEach(devices, d -> systems.get((String) d.get("SystemName")), model.namespace())
              .list();
      case "VirtualSystemSettingDataComponent" -> {
        Map<String, CimObjectPath> vssds =
            pathsBy(of("VirtualSystemSettingData"), "VirtualSystemIdentifier");
        yield assoc(suffix, "GroupComponent", "PartComponent")
            .linkEach(rasds, r -> vssds.get(domainOf((String) r.get("InstanceID"))), model.namespace())
            .list();
      }
      case "SettingsDefineState" -> {
        Map<String, CimObjectPath> byId = pathsBy(rasds, "InstanceID");
        Associations a = assoc(suffix, "ManagedElement", "SettingData");
        devices.forEach(d -> a.link(d.path().withNamespace(model.namespace()), byId.get(rasdId(d))));
        yield a.list();
      }
      case "ElementSettingData" -> {
        Map<String, CimObjectPath> vssds =
            pathsBy(of("VirtualSystemSettingData"), "VirtualSystemIdentifier");
        Associations a = assoc(suffix, "ManagedElement", "SettingData");
        systems.forEach((name, cs) -> a.link(cs, vssds.get(name), "IsCurrent", 1L));
        yield a.list();
      }
      case "ElementCapabilities" -> elementCapabilities(systems);
      case "SettingsDefineCapabilities" -> settingsDefineCapabilities();
      case "ElementAllocatedFromPool" -> {
        Map<String, CimObjectPath> poolById = pathsBy(pools, "InstanceID");
        Map<String, CimInstance> rasdById = new HashMap<>();
        rasds.forEach(r -> rasdById.put((String) r.get("InstanceID"), r));
        yield assoc(suffix, "Antecedent", "Dependent")
            .linkEach(
                devices,
                d -> {
                  CimInstance r = rasdById.get(rasdId(d));
                  return r == null ? null : poolById.get((String) r.get("PoolID"));
                },
                model.namespace())
            .list();
      }
      case "ResourceAllocationFromPool" -> {
        Map<String, CimObjectPath> poolById = pathsBy(pools, "InstanceID");
        yield assoc(suffix, "Antecedent", "Dependent")
            .linkEach(rasds, r -> poolById.get((String) r.get("PoolID")), model.namespace())
            .list();
      }
      case "HostedResourcePool" ->
          assoc(suffix, "GroupComponent", "PartComponent")
              .linkAll(one("HostSystem"), pools, model.namespace())
              .list();
      case "HostedService" ->
          assoc(suffix, "Antecedent", "Dependent")
              .link(one("HostSystem"), one("VirtualSystemManagementService"))
              .link(one("HostSystem"), one("ResourcePoolConfigurationService"))
              .link(one("HostSystem"), one("ConsoleRedirectionService"))
              .link(one("HostSystem"), one("VirtualSystemSnapshotService"))
              .link(one("HostSystem"), one("VirtualSystemMigrationService"))
              .list();
      case "HostedAccessPoint" ->
          assoc(suffix, "Antecedent", "Dependent")
              .linkAll(one("HostSystem"), of("KVMRedirectionSAP"), model.namespace())
              .list();
      case "ServiceAccessBySAP" ->
          assoc(suffix, "Antecedent", "Dependent")
              .linkAll(one("ConsoleRedirectionService"), of("KVMRedirectionSAP"), model.namespace())
              .list();
      case "SAPAvailableForElement" ->
          assoc(suffix, "ManagedElement", "AvailableSAP")
              .linkEach(
                  of("KVMRedirectionSAP"),
                  s -> systems.get((String) s.get("SystemName")),
                  model.namespace())
              .list();
      case "HostedDependency" ->
          assoc(suffix, "Antecedent", "Dependent")
              .linkAll(one("HostSystem"), of("ComputerSystem"), model.namespace())
              .list();
      default -> List.of();
    };
  }

  private List<CimInstance> elementCapabilities(Map<String, CimObjectPath> systems) {
    Associations a =
        new Associations(repo, p + "ElementCapabilities", "ManagedElement", "Capabilities");
    CimObjectPath vsmc = one("VirtualSystemManagementCapabilities");
    a.link(one("HostSystem"), vsmc).link(one("VirtualSystemManagementService"), vsmc);
    a.link(one("ConsoleRedirectionService"), one("ConsoleRedirectionServiceCapabilities"));
    a.link(one("VirtualSystemSnapshotService"), one("VirtualSystemSnapshotServiceCapabilities"));
    a.link(one("VirtualSystemMigrationService"), one("VirtualSystemMigrationCapabilities"));
    Map<String, CimObjectPath> elec =
        pathsBy(of("EnabledLogicalElementCapabilities"), "InstanceID");
    systems.forEach((name, cs) -> a.link(cs, elec.get(name)));
    Map<String, CimObjectPath> alloc = pathsBy(of("AllocationCapabilities"), "InstanceID");
    for (CimInstance pool : model.group("pool")) {
      a.link(pool.path().withNamespace(model.namespace()), alloc.get((String) pool.get("InstanceID")));
    }
    return a.list();
  }

  /**
   * Each pool's AllocationCapabilities to the templates of its ResourceType, with their role and
   * range.
   */
  private List<CimInstance> settingsDefineCapabilities() {
    Associations a = assoc("SettingsDefineCapabilities", "GroupComponent", "PartComponent");
    List<CimInstance> templates = model.group("template");
    for (CimInstance caps : of("AllocationCapabilities")) {
      for (CimInstance t : templates) {
        if (t.get("ResourceType").equals(caps.get("ResourceType"))) {
          long[] roleRange = AllocationTemplates.roleAndRange((String) t.get("InstanceID"));
          a.link(
              caps.path().withNamespace(model.namespace()),
              t.path().withNamespace(model.namespace()),
              Map.of("ValueRole", roleRange[0], "ValueRange", roleRange[1], "PropertyPolicy", 0L));
        }
      }
    }
    return a.list();
  }

  /** The RASD InstanceID of a device: Processor vm/3 and Memory belong to vm/proc and vm/mem. */
  private String rasdId(CimInstance device) {
    String id = (String) device.get("DeviceID");
    return device.className().endsWith("_Processor") ? domainOf(id) + "/proc" : id;
  }
}
