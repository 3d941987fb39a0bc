/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.Measured.counter;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.NicDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * Each network interface of a domain, labelled like prometheus-libvirt-exporter's interface stats:
 * {@code
 * libvirt_domain_interface_stats_receive_bytes_total{host,domain,uuid,source_bridge="br0",target_device="vnet0"}}.
 */
final class InterfaceMetrics implements SnapshotBinder {
  private static final String P = "libvirt_domain_interface_stats_";
  static final List<Measured<InterfaceStats>> COUNTERS =
      List.of(
          counter(P + "receive_bytes", "bytes", Descriptions.NIC_RX_BYTES + ", in bytes.", n -> n.io().rxBytes()),
          counter(P + "receive_packets", null, Descriptions.NIC_RX_PACKETS + ".", n -> n.io().rxPackets()),
          counter(P + "receive_errors", null, Descriptions.NIC_RX_ERRORS + ".", n -> n.io().rxErrors()),
          counter(P + "receive_drops", null, Descriptions.NIC_RX_DROPS + ".", n -> n.io().rxDrops()),
          counter(P + "transmit_bytes", "bytes", Descriptions.NIC_TX_BYTES + ", in bytes.", n -> n.io().txBytes()),
          counter(P + "transmit_packets", null, Descriptions.NIC_TX_PACKETS + ".", n -> n.io().txPackets()),
          counter(P + "transmit_errors", null, Descriptions.NIC_TX_ERRORS + ".", n -> n.io().txErrors()),
          counter(P + "transmit_drops", null, Descriptions.NIC_TX_DROPS + ".", n -> n.io().txDrops()));
  static final Family INFO =
      info(
          "libvirt_domain_interface",
          "Network interface definition: MAC address, interface type, source network or bridge, device model.");

  @Override
  public List<Family> families() {
    List<Family> all = new ArrayList<>(Measured.families(COUNTERS));
    all.add(INFO);
    return all;
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      for (InterfaceStats nic : d.interfaces()) {
        NicDevice n = nic.device();
        Labels l =
            out.domain(d)
                .merge(
                    new String[] {"source_bridge", "target_device"},
                    new String[] {"bridge".equals(n.type()) ? text(n.source()) : "", nic.id()});
        COUNTERS.forEach(c -> c.write(out, l, nic));
        out.info(
            INFO,
            l.merge(
                new String[] {"mac", "type", "source", "model"},
                new String[] {text(n.mac()), text(n.type()), text(n.source()), text(n.model())}));
      }
    }
  }
}
