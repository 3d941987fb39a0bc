/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.counter;
import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.NetIo;
import io.virtmx.model.NicDevice;
import java.util.List;

/**
 * Each network interface of a domain, labelled like prometheus-libvirt-exporter's interface stats:
 * {@code
 * libvirt_domain_interface_stats_receive_bytes_total{host,domain,uuid,source_bridge="br0",target_device="vnet0"}}.
 */
final class InterfaceMetrics implements SnapshotBinder {
  private static final String P = "libvirt_domain_interface_stats_";
  static final Family RX_BYTES =
      counter(P + "receive_bytes", "bytes", Descriptions.NIC_RX_BYTES + ", in bytes.");
  static final Family RX_PACKETS =
      counter(P + "receive_packets", null, Descriptions.NIC_RX_PACKETS + ".");
  static final Family RX_ERRORS =
      counter(P + "receive_errors", null, Descriptions.NIC_RX_ERRORS + ".");
  static final Family RX_DROPS =
      counter(P + "receive_drops", null, Descriptions.NIC_RX_DROPS + ".");
  static final Family TX_BYTES =
      counter(P + "transmit_bytes", "bytes", Descriptions.NIC_TX_BYTES + ", in bytes.");
  static final Family TX_PACKETS =
      counter(P + "transmit_packets", null, Descriptions.NIC_TX_PACKETS + ".");
  static final Family TX_ERRORS =
      counter(P + "transmit_errors", null, Descriptions.NIC_TX_ERRORS + ".");
  static final Family TX_DROPS =
      counter(P + "transmit_drops", null, Descriptions.NIC_TX_DROPS + ".");
  static final Family INFO =
      info(
          "libvirt_domain_interface",
          "Network interface definition: MAC address, interface type, source network or bridge, device model.");

  @Override
  public List<Family> families() {
    return List.of(
        RX_BYTES, RX_PACKETS, RX_ERRORS, RX_DROPS, TX_BYTES, TX_PACKETS, TX_ERRORS, TX_DROPS, INFO);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      for (InterfaceStats nic : d.interfaces()) {
        NicDevice n = nic.device();
        NetIo io = nic.io();
        Labels l =
            out.domain(d)
                .merge(
                    new String[] {"source_bridge", "target_device"},
                    new String[] {"bridge".equals(n.type()) ? text(n.source()) : "", nic.id()});
        out.reported(RX_BYTES, l, io.rxBytes(), 1);
        out.reported(RX_PACKETS, l, io.rxPackets(), 1);
        out.reported(RX_ERRORS, l, io.rxErrors(), 1);
        out.reported(RX_DROPS, l, io.rxDrops(), 1);
        out.reported(TX_BYTES, l, io.txBytes(), 1);
        out.reported(TX_PACKETS, l, io.txPackets(), 1);
        out.reported(TX_ERRORS, l, io.txErrors(), 1);
        out.reported(TX_DROPS, l, io.txDrops(), 1);
        out.info(
            INFO,
            l.merge(
                new String[] {"mac", "type", "source", "model"},
                new String[] {text(n.mac()), text(n.type()), text(n.source()), text(n.model())}));
      }
    }
  }
}
