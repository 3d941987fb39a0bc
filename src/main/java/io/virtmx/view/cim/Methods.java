/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.ops.Operations;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The extrinsic methods the CIM view offers, keyed by class suffix (the name after the {@code
 * KVM_}/{@code LXC_}/{@code Xen_} prefix) and method name, both matched without case.
 */
final class Methods {
  private static final String VSMS = "VirtualSystemManagementService";
  private final Map<String, MethodCall> calls = new HashMap<>();
  private final Jobs jobs = new Jobs();

  /** Every service's methods; a service adds its own with one {@code register} line here. */
  Methods(
      Operations operations,
      StateChanges states,
      Indications indications,
      Function<String, List<String>> namespacesOfHost) {
    register("ComputerSystem", "RequestStateChange", states::invoke);
    ResourceIndications rasdEvents = new ResourceIndications(indications, namespacesOfHost);
    SystemManagement systems = new SystemManagement(operations, rasdEvents);
    ResourceManagement resources = new ResourceManagement(operations, rasdEvents);
    register(VSMS, "DefineSystem", systems::defineSystem);
    register(VSMS, "DestroySystem", systems::destroySystem);
    register(VSMS, "ModifySystemSettings", systems::modifySystemSettings);
    register(VSMS, "AddResourceSettings", resources::add);
    register(VSMS, "ModifyResourceSettings", resources::modify);
    register(VSMS, "RemoveResourceSettings", resources::remove);
    SnapshotService.register(this, operations, jobs);
    MigrationService.register(this, operations, jobs);
    PoolConfigurationService.register(this, operations);
  }

  /** The jobs the snapshot and migration methods started. */
  Jobs jobs() {
    return jobs;
  }

  void register(String classSuffix, String method, MethodCall call) {
    if (calls.put(key(classSuffix, method), call) != null) {
      throw new IllegalStateException(classSuffix + "." + method + " is registered twice");
    }
  }

  void invoke(RequestContext c, Caller caller) {
    String cls = c.request().target().className();
    String prefix = c.model().prefix() + "_";
    String suffix =
        cls.regionMatches(true, 0, prefix, 0, prefix.length())
            ? cls.substring(prefix.length())
            : null;
    MethodCall call = suffix == null ? null : calls.get(key(suffix, c.request().method()));
    if (call == null) {
      throw new CimException(
          CimException.METHOD_NOT_AVAILABLE,
          "method " + c.request().method() + " is not available on " + cls);
    }
    call.invoke(c, caller);
  }

  private static String key(String classSuffix, String method) {
    return (classSuffix + "." + method).toLowerCase(Locale.ROOT);
  }
}
