/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.PciFunction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Marks each PCI node device with the domain whose definition passes it through ({@code <hostdev
 * type='pci'>} with its address), joining the node-device and domain parts of a snapshot; run
 * whenever either changes. Two domains naming one device (only one can run with it) give the first
 * by name.
 */
final class PciUsers {
  private PciUsers() {}

  /** {@code s} with its node devices marked by its domains. */
  static HostSnapshot marked(HostSnapshot s) {
    List<NodeDevice> devices = s.resources().devices();
    List<NodeDevice> marked = mark(devices, s.domains());
    return marked.equals(devices) ? s : s.withResources(s.resources().withDevices(marked));
  }

  /** {@code devices} with {@link PciFunction#usedBy()} set from the domains' PCI hostdevs. */
  static List<NodeDevice> mark(List<NodeDevice> devices, List<DomainSnapshot> domains) {
    Map<String, String> users = new TreeMap<>();
    for (DomainSnapshot d : domains) {
      for (DeviceInfo dev : d.devices()) {
        String address = dev.pciHostAddress();
        if (!address.isEmpty()) {
          users.merge(address, d.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
    }
    return devices.stream().map(n -> marked(n, users)).toList();
  }

  private static NodeDevice marked(NodeDevice n, Map<String, String> users) {
    PciFunction pci = n.pci();
    if (pci.equals(PciFunction.NONE)) {
      return n;
    }
    String user = users.getOrDefault(pci.address(), "");
    return user.equals(pci.usedBy()) ? n : n.withPci(pci.withUsedBy(user));
  }
}
