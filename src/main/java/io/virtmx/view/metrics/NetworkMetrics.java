/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NetworkSnapshot;
import java.util.List;

/**
 * Virtual networks: {@code libvirt_network_active{host="hv1",network="default"} 1}, autostart, DHCP
 * leases.
 */
final class NetworkMetrics implements SnapshotBinder {
  static final Family ACTIVE =
      gauge("libvirt_network_active", null, "1 if the virtual network is active.");
  static final Family AUTOSTART =
      gauge("libvirt_network_autostart", null, "1 if the network starts with libvirtd.");
  static final Family LEASES =
      gauge("libvirt_network_dhcp_leases", null, Descriptions.NETWORK_DHCP_LEASES + ".");
  static final Family INFO =
      info("libvirt_network", "Network definition: UUID, bridge, forward mode, persistent.");

  @Override
  public List<Family> families() {
    return List.of(ACTIVE, AUTOSTART, LEASES, INFO);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (NetworkSnapshot n : host.networks()) {
      Labels l = out.labels("network", n.name());
      out.value(ACTIVE, l, n.active() ? 1 : 0);
      out.value(AUTOSTART, l, n.autostart() ? 1 : 0);
      out.reported(LEASES, l, n.dhcpLeases(), 1);
      out.info(
          INFO,
          l.merge(
              new String[] {"network_uuid", "bridge", "forward_mode", "persistent"},
              new String[] {
                text(n.uuid()),
                text(n.bridge()),
                text(n.forwardMode()),
                Boolean.toString(n.persistent())
              }));
    }
  }
}
