/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Console redirection as libvirt-cim serves it: the host's ConsoleRedirectionService and its
 * capabilities, and a KVMRedirectionSAP per VNC or SPICE graphics device of a domain, named {@code
 * PORT:0} and Available (6) while the running domain listens on PORT, {@code PORT:-1} (PORT -1 when
 * libvirt picks it at start) and Inactive (3) while it is off.
 */
final class ConsoleInstances {
  static final String SERVICE = "ConsoleRedirectionService";
  static final String CAPABILITIES = "ConsoleRedirectionCapabilities";
  private static final long KVM_REDIRECTION = 3;
  private static final long SHARED = 3;
  private static final long MAX_SESSIONS = 65535;
  private static final long VNC = 4;
  private static final long OTHER = 1;
  private static final long AVAILABLE = 6;
  private static final long INACTIVE = 3;

  private final ClassRepository repo;
  private final String p;

  ConsoleInstances(ClassRepository repo, String prefix) {
    this.repo = repo;
    this.p = prefix + "_";
  }

  CimInstance service(String hostName) {
    return InstanceBuilder.of(repo, p + SERVICE)
        .set("SystemCreationClassName", p + "HostSystem")
        .set("SystemName", hostName)
        .set("CreationClassName", p + SERVICE)
        .set("Name", SERVICE)
        .set("ElementName", SERVICE)
        .set("RedirectionServiceType", List.of(KVM_REDIRECTION))
        .set("MaxCurrentEnabledSAPs", MAX_SESSIONS)
        .set("SharingMode", SHARED)
        .set("EnabledState", 2L)
        .set("RequestedState", 12L)
        .build();
  }

  CimInstance capabilities() {
    return InstanceBuilder.of(repo, p + "ConsoleRedirectionServiceCapabilities")
        .set("InstanceID", CAPABILITIES)
        .set("ElementName", CAPABILITIES)
        .set("ElementNameEditSupported", false)
        .set("SharingModeSupported", List.of(SHARED))
        .build();
  }

  /** The access points of a domain's graphics devices; a repeated Name keeps the first. */
  List<CimInstance> accessPoints(DomainSnapshot d) {
    Map<String, CimInstance> out = new LinkedHashMap<>();
    for (DeviceInfo dev : d.devices()) {
      boolean vnc = dev.type().equals("vnc");
      if (!dev.kind().equals("graphics") || !(vnc || dev.type().equals("spice"))) {
        continue;
      }
      boolean listening = d.active() && dev.port() > 0;
      String name = dev.port() + (listening ? ":0" : ":-1");
      out.putIfAbsent(
          name,
          InstanceBuilder.of(repo, p + "KVMRedirectionSAP")
              .set("SystemCreationClassName", p + "ComputerSystem")
              .set("SystemName", d.name())
              .set("CreationClassName", p + "KVMRedirectionSAP")
              .set("Name", name)
              .set("ElementName", name)
              .set("KVMProtocol", vnc ? VNC : OTHER)
              .set("EnabledState", listening ? AVAILABLE : INACTIVE)
              .set("RequestedState", 12L)
              .build());
    }
    return new ArrayList<>(out.values());
  }
}
