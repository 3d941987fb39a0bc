/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.ops.DeviceOperations;
import io.virtmx.ops.OperationException;
import io.virtmx.ops.Operations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VirtualSystemManagementService's AddResourceSettings, ModifyResourceSettings and
 * RemoveResourceSettings as libvirt-cim has them, through the device operations: a running domain
 * gets the change live and in its definition, a shut-off one in its definition.
 */
final class ResourceManagement {
  private final Operations operations;
  private final ResourceIndications indications;

  ResourceManagement(Operations operations, ResourceIndications indications) {
    this.operations = operations;
    this.indications = indications;
  }

  /**
   * AddResourceSettings(AffectedConfiguration, ResourceSettings[]) → ResultingResourceSettings[]:
   * disks, interfaces, graphics and input devices to the domain the VSSD reference names.
   */
  void add(RequestContext c, Caller caller) {
    Object rs = c.request().param("ResourceSettings");
    if (rs == null) {
      throw new CimException(CimException.FAILED, "Missing ResourceSettings");
    }
    String name = domainOf(c.request().param("AffectedConfiguration"));
    List<CimObjectPath> out = new ArrayList<>();
    String host = c.model().host().host();
    String affect = MethodResults.running(c, name) ? "live+config" : "config";
    for (EmbeddedInstance r : EmbeddedInstance.list(rs)) {
      Rasd rasd = parsed(r, "Add resource failed: ");
      if (rasd instanceof Rasd.Memory || rasd instanceof Rasd.Processor) {
        throw new CimException(
            CimException.FAILED,
            "Cannot add resources of type " + Rasd.resourceType(r.suffix()));
      }
      CimObjectPath added = attach(operations, c, caller, host, name, rasd, affect);
      out.add(added);
      String id = String.valueOf(added.key("InstanceID"));
      indications.created(
          c, List.of(ResourceIndications.sent(c.repo(), added.className(), id, r.values())));
    }
    MethodResults.completed(c, "ResultingResourceSettings", out);
  }

  /** The domain an AffectedConfiguration reference names ({@code InstanceID="KVM:NAME"}). */
  private static String domainOf(Object ref) {
    if (!(ref instanceof CimObjectPath p)) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "Missing AffectedConfiguration parameter");
    }
    Object id = p.key("InstanceID");
    String s = id == null ? "" : id.toString();
    int colon = s.indexOf(':');
    if (colon < 0 || colon == s.length() - 1) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "AffectedConfiguration has invalid InstanceID");
    }
    return s.substring(colon + 1);
  }

  private static Rasd parsed(EmbeddedInstance r, String what) {
    try {
      return Rasd.of(r);
    } catch (Rasd.Refusal e) {
      throw new CimException(CimException.FAILED, what + e.getMessage() + ", (null)");
    }
  }

  /** Attaches one disk, interface or other device; returns the reference to its RASD. */
  static CimObjectPath attach(
      Operations ops,
      RequestContext c,
      Caller caller,
      String host,
      String name,
      Rasd rasd,
      String affect) {
    DeviceOperations devices = ops.devices();
    try {
      if (rasd instanceof Rasd.Disk d) {
        devices.attachDisk(
            caller, host, name, d.source(), d.target(), d.bus(), d.format(), d.readOnly(), affect);
        return MethodResults.rasd(c, "DiskResourceAllocationSettingData", name + "/" + d.target());
      }
      if (rasd instanceof Rasd.Nic n) {
        String mac = devices.attachInterface(
            caller, host, name, n.type(), n.source(), n.model(), n.mac(), affect);
        return MethodResults.rasd(c, "NetResourceAllocationSettingData", name + "/" + mac);
      }
      Rasd.Other o = (Rasd.Other) rasd;
      devices.attachDevice(caller, host, name, o.xml(), affect);
      String suffix = o.kind().equals("graphics") ? "Graphics" : "Input";
      return MethodResults.rasd(c, suffix + "ResourceAllocationSettingData", name + "/" + o.kind());
    } catch (OperationException e) {
      throw MethodResults.error(e, name);
    }
  }

  /**
   * ModifyResourceSettings(ResourceSettings[]) → ResultingResourceSettings[]: the memory ({@code
   * VirtualQuantity}, and {@code Limit} of a shut-off domain) and vCPU count of the domain each
   * RASD's InstanceID ({@code NAME/mem}, {@code NAME/proc}) names.
   */
  void modify(RequestContext c, Caller caller) {
    Object rs = c.request().param("ResourceSettings");
    if (rs == null) {
      throw new CimException(CimException.FAILED, "Missing ResourceSettings");
    }
    List<CimObjectPath> out = new ArrayList<>();
    String host = c.model().host().host();
    for (EmbeddedInstance r : EmbeddedInstance.list(rs)) {
      String id = r.text("InstanceID");
      int slash = id == null ? -1 : id.indexOf('/');
      if (slash <= 0 || slash == id.length() - 1) {
        throw new CimException(
            CimException.INVALID_PARAMETER,
            id == null ? "Missing InstanceID in RASD" : "Invalid InstanceID `" + id + "'");
      }
      String name = id.substring(0, slash);
      EmbeddedInstance merged = merged(c, r, id);
      Rasd rasd = parsed(merged, "Modify resource failed: ");
      boolean running = MethodResults.running(c, name);
      try {
        change(caller, host, name, rasd, running, Rasd.resourceType(r.suffix()));
      } catch (OperationException e) {
        throw MethodResults.error(e, name);
      }
      CimObjectPath path = MethodResults.rasd(c, r.suffix(), id);
      out.add(path);
      indications.modified(
          c,
          ResourceIndications.sent(c.repo(), path.className(), id, merged.values()),
          c.model().get(c.ns(), path.withNamespace(null)));
    }
    MethodResults.completed(c, "ResultingResourceSettings", out);
  }

  /** The RASD as served now with the sent properties over it, as libvirt-cim merges them. */
  private static EmbeddedInstance merged(RequestContext c, EmbeddedInstance sent, String id) {
    CimObjectPath path = MethodResults.rasd(c, sent.suffix(), id).withNamespace(null);
    CimInstance now = c.model().get(c.ns(), path);
    if (now == null) {
      throw new CimException(CimException.NOT_FOUND, "No such instance (" + id + ")");
    }
    Map<String, Object> values = new HashMap<>();
    now.values().forEach((k, v) -> values.put(k, v instanceof List<?> ? v : String.valueOf(v)));
    values.putAll(sent.values());
    return new EmbeddedInstance(sent.className(), values);
  }

  private void change(
      Caller caller, String host, String name, Rasd rasd, boolean running, int type) {
    String affect = running ? "live+config" : "config";
    if (rasd instanceof Rasd.Memory m) {
      if (!running) {
        operations.domains().setMaxMemory(caller, host, name, m.maxKib());
      }
      operations.devices().setMemory(caller, host, name, m.kib(), affect);
    } else if (rasd instanceof Rasd.Processor p) {
      operations.devices().setVcpus(caller, host, name, p.count(), affect);
    } else {
      throw new CimException(CimException.FAILED, "Cannot modify resources of type " + type);
    }
  }

  /**
   * RemoveResourceSettings(ResourceSettings[] REF): detaches each disk or interface; a RASD this
   * server does not serve is CIM_ERR_NOT_FOUND "No such instance (ID)".
   */
  void remove(RequestContext c, Caller caller) {
    Object rs = c.request().param("ResourceSettings");
    if (rs == null) {
      throw new CimException(CimException.FAILED, "Missing ResourceSettings");
    }
    List<?> refs = rs instanceof List<?> l ? l : List.of(rs);
    String host = c.model().host().host();
    for (Object o : refs) {
      if (!(o instanceof CimObjectPath ref) || ref.key("InstanceID") == null) {
        throw new CimException(CimException.INVALID_PARAMETER, "Missing or incomplete InstanceID");
      }
      String id = String.valueOf(ref.key("InstanceID"));
      CimInstance served = c.model().get(c.ns(), ref.withNamespace(null));
      if (served == null) {
        throw new CimException(CimException.NOT_FOUND, "No such instance (" + id + ")");
      }
      String name = id.substring(0, id.indexOf('/'));
      String device = id.substring(id.indexOf('/') + 1);
      String affect = MethodResults.running(c, name) ? "live+config" : "config";
      int type = Rasd.resourceType(suffix(ref.className()));
      try {
        switch (type) {
          case 17 -> operations.devices().detachDisk(caller, host, name, device, affect);
          case 10 -> operations.devices().detachInterface(caller, host, name, device, affect);
          default ->
              throw new CimException(
                  CimException.FAILED, "Cannot delete resources of type " + type);
        }
      } catch (OperationException e) {
        throw MethodResults.error(e, name);
      }
      indications.deleted(c, List.of(served));
    }
    MethodResults.completed(c, null, null);
  }

  private static String suffix(String className) {
    return className.substring(className.indexOf('_') + 1);
  }
}
