/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.HostStats;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.libvirt.NetworkDescription;
import io.virtmx.libvirt.NetworkXml;
import io.virtmx.model.NetworkSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual networks, active and defined, with their bridge, forward mode and current DHCP lease
 * count.
 */
final class NetworkCollector implements Collector<List<NetworkSnapshot>> {
  private static final Logger log = LoggerFactory.getLogger(NetworkCollector.class);

  @Override
  public List<NetworkSnapshot> collect(CollectionContext context) throws LibvirtException {
    NativeConnect conn = context.connection();
    List<NetworkSnapshot> out = new ArrayList<>();
    for (String name : Names.concat(conn.listNetworks(), conn.listDefinedNetworks())) {
      try {
        out.add(network(conn, name, context));
      } catch (LibvirtException | LibvirtCallException e) {
        log.debug("network {}: {}", name, e.getMessage());
        context.error("network");
      }
    }
    return out;
  }

  private static NetworkSnapshot network(NativeConnect conn, String name, CollectionContext context)
      throws LibvirtException {
    Network net = conn.networkLookupByName(name);
    try {
      boolean active = net.isActive() == 1;
      NetworkDescription desc = NetworkXml.parse(net.getXMLDesc(0));
      int leases = active ? leases(conn, name, context) : 0;
      return new NetworkSnapshot(
          name,
          net.getUUIDString(),
          active,
          net.isPersistent() == 1,
          net.getAutostart(),
          desc.bridge(),
          desc.forwardMode(),
          leases);
    } finally {
      net.free();
    }
  }

  private static int leases(NativeConnect conn, String name, CollectionContext context) {
    try {
      return HostStats.dhcpLeaseCount(conn.nativeHandle(), name);
    } catch (LibvirtCallException e) {
      if (!e.isNoSupport()) {
        context.error("network");
      }
      return 0;
    }
  }
}
