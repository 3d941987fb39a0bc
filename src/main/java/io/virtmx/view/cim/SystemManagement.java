/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.ops.OperationException;
import io.virtmx.ops.Operations;
import java.util.ArrayList;
import java.util.List;

/**
 * VirtualSystemManagementService's DefineSystem, DestroySystem and ModifySystemSettings with
 * libvirt-cim's parameters, return codes and error texts, carried out through the shared domain and
 * device operations (access check, {@code --read-only}, audit line, {@code --disk-dir}).
 */
final class SystemManagement {
  private final Operations operations;

  private final ResourceIndications indications;

  SystemManagement(Operations operations, ResourceIndications indications) {
    this.operations = operations;
    this.indications = indications;
  }

  /**
   * DefineSystem(SystemSettings, ResourceSettings[], ReferenceConfiguration) → ResultingSystem:
   * defines the domain from the VSSD, memory, processor, graphics and input RASDs, then attaches
   * each disk and interface to its definition and sets AutoStart; a failed attachment or autostart
   * undefines it again and answers in CIM's error form.
   */
  void defineSystem(RequestContext c, Caller caller) {
    Object settings = c.request().param("SystemSettings");
    if (settings == null) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "Missing argument `SystemSettings'");
    }
    EmbeddedInstance vssd = EmbeddedInstance.of(settings);
    if (!c.request().has("ResourceSettings")) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "Missing argument `ResourceSettings'");
    }
    if (c.request().param("ReferenceConfiguration") != null) {
      throw new CimException(
          CimException.NOT_SUPPORTED, "ReferenceConfiguration is not supported by this server");
    }
    List<EmbeddedInstance> resources = EmbeddedInstance.list(c.request().param("ResourceSettings"));
    String name = vssd.text("VirtualSystemIdentifier");
    String uuid = vssd.text("UUID");
    if (!RasdXml.validName(name) || (uuid != null && !uuid.isBlank() && !RasdXml.validUuid(uuid))) {
      throw new CimException(CimException.FAILED, "SystemSettings Error");
    }
    Plan plan = plan(resources);
    String host = c.model().host().host();
    String xml =
        RasdXml.domain(c.model().host(), c.model().prefix(), vssd, plan.memory, plan.cpus, plan.others);
    try {
      operations.domains().define(caller, host, xml);
    } catch (OperationException e) {
      throw e.reason() == OperationException.Reason.FAILED
          ? new CimException(CimException.FAILED, "Failed to define domain: " + e.getMessage())
          : MethodResults.error(e, null);
    }
    List<CimObjectPath> attached = attachAll(c, caller, name, plan.attached, host);
    Long autostart = vssd.number("AutoStart");
    if (autostart != null && autostart == 1) {
      try {
        operations.domains().setAutostart(caller, host, name, true);
      } catch (OperationException e) {
        undefineQuietly(caller, host, name);
        throw MethodResults.error(e, name);
      }
    }
    indications.created(c, plan.created(c, name, attached));
    MethodResults.completed(c, "ResultingSystem", computerSystem(c, name));
  }

  private List<CimObjectPath> attachAll(
      RequestContext c, Caller caller, String name, List<Rasd> devices, String host) {
    List<CimObjectPath> out = new ArrayList<>();
    try {
      for (Rasd r : devices) {
        out.add(ResourceManagement.attach(operations, c, caller, host, name, r, "config"));
      }
    } catch (CimException e) {
      undefineQuietly(caller, host, name);
      throw e;
    }
    return out;
  }

  private void undefineQuietly(Caller caller, String host, String name) {
    try {
      operations.domains().undefine(caller, host, name);
    } catch (OperationException ignored) {
      // the attachment's or autostart's error is the one to report
    }
  }

  /** The RASDs split: memory and processor (defaults 512 MiB and 1), devices in the XML, the rest. */
  private record Plan(
      Rasd.Memory memory,
      Rasd.Processor cpus,
      List<Rasd.Other> others,
      List<Rasd> attached,
      List<EmbeddedInstance> sent) {

    /** The memory, processor, disk and NIC RASDs as sent, with the InstanceIDs they now have. */
    List<CimInstance> created(RequestContext c, String name, List<CimObjectPath> attachedPaths) {
      List<CimInstance> out = new ArrayList<>();
      int next = 0;
      for (EmbeddedInstance r : sent) {
        String id =
            switch (Rasd.resourceType(r.suffix())) {
              case 4 -> name + "/mem";
              case 3 -> name + "/proc";
              case 17, 10 -> String.valueOf(attachedPaths.get(next++).key("InstanceID"));
              default -> null;
            };
        if (id != null) {
          out.add(ResourceIndications.sent(c.repo(), c.model().prefix() + "_" + r.suffix(), id, r.values()));
        }
      }
      return out;
    }
  }

  private static Plan plan(List<EmbeddedInstance> resources) {
    if (resources.isEmpty()) {
      throw new CimException(CimException.FAILED, "ResourceSettings Error: No resources specified, (null)");
    }
    Rasd.Memory memory = new Rasd.Memory(512 * 1024, 512 * 1024);
    Rasd.Processor cpus = new Rasd.Processor(1);
    List<Rasd.Other> others = new ArrayList<>();
    List<Rasd> attached = new ArrayList<>();
    List<EmbeddedInstance> sent = new ArrayList<>();
    for (EmbeddedInstance r : resources) {
      Rasd rasd;
      try {
        rasd = Rasd.of(r);
      } catch (Rasd.Refusal e) {
        throw new CimException(
            CimException.FAILED, "ResourceSettings Error: " + e.getMessage() + ", (null)");
      }
      if (rasd instanceof Rasd.Memory m) {
        memory = m;
      } else if (rasd instanceof Rasd.Processor p) {
        cpus = p;
      } else if (rasd instanceof Rasd.Other o) {
        others.add(o);
      } else {
        attached.add(rasd);
      }
      sent.add(r);
    }
    return new Plan(memory, cpus, others, attached, sent);
  }

  /**
   * DestroySystem(AffectedSystem): stops the domain if it runs, then undefines it; an unknown name
   * is CIM_ERR_NOT_FOUND "Referenced domain `NAME' does not exist: Domain not found".
   */
  void destroySystem(RequestContext c, Caller caller) {
    Object ref = c.request().param("AffectedSystem");
    String name =
        ref instanceof CimObjectPath p && p.key("Name") != null ? String.valueOf(p.key("Name")) : null;
    if (name == null) {
      throw new CimException(CimException.NOT_FOUND, "Unable to retrieve domain name: Error 0");
    }
    String host = c.model().host().host();
    List<CimInstance> rasds = ResourceIndications.rasdsOf(c, name);
    try {
      operations.domains().destroy(caller, host, name);
    } catch (OperationException e) {
      if (e.reason() != OperationException.Reason.INVALID_STATE) {
        throw MethodResults.error(e, name);
      }
    }
    try {
      operations.domains().undefine(caller, host, name);
    } catch (OperationException e) {
      if (e.reason() != OperationException.Reason.NOT_FOUND) {
        throw MethodResults.error(e, name);
      }
    }
    indications.deleted(c, rasds);
    MethodResults.completed(c, null, null);
  }

  /** ModifySystemSettings(SystemSettings): AutoStart of an existing domain (0 off, 1 on). */
  void modifySystemSettings(RequestContext c, Caller caller) {
    Object settings = c.request().param("SystemSettings");
    if (settings == null) {
      throw new CimException(CimException.FAILED, "Missing SystemSettings");
    }
    EmbeddedInstance vssd = EmbeddedInstance.of(settings);
    String name = vssd.text("VirtualSystemIdentifier");
    if (name == null) {
      throw new CimException(CimException.FAILED, "Missing VirtualSystemIdentifier");
    }
    Long autostart = vssd.number("AutoStart");
    String host = c.model().host().host();
    try {
      operations.checkAllowed(caller, "ModifySystemSettings");
      if (autostart != null) {
        operations.domains().setAutostart(caller, host, name, autostart == 1);
      } else {
        operations.domains().xmlDescription(caller, host, name);
      }
    } catch (OperationException e) {
      throw MethodResults.error(e, name);
    }
    MethodResults.completed(c, null, null);
  }

  static CimObjectPath computerSystem(RequestContext c, String name) {
    String cls = c.model().prefix() + "_ComputerSystem";
    return new CimObjectPath(
        c.ns(),
        cls,
        List.of(
            new CimObjectPath.Key("CreationClassName", cls),
            new CimObjectPath.Key("Name", name)));
  }
}
