/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.Descriptions;

/**
 * One network interface of a domain: definition, counters as plain numbers (-1 where not reported)
 * and rates.
 */
@Doc(
    "One network interface of a domain, seen from the host: cumulative counters (-1 where not reported) "
        + "and per-second rates")
public interface DomainInterfaceMXBean {
  @Doc(
      "The interface's id in its domain: its host-side target device (e.g. vnet0), else its MAC"
          + " address while it has none")
  String getName();

  @Doc("Name of the domain the interface belongs to")
  String getDomain();

  @Doc("MAC address")
  String getMac();

  @Doc("Interface type: network, bridge, direct, user…")
  String getType();

  @Doc("Source network or bridge")
  String getSource();

  @Doc("Device model, e.g. virtio")
  String getModel();

  @Doc(value = Descriptions.NIC_RX_BYTES + ", -1 if not reported", units = "bytes")
  long getRxBytes();

  @Doc(Descriptions.NIC_RX_PACKETS + ", -1 if not reported")
  long getRxPackets();

  @Doc(Descriptions.NIC_RX_ERRORS + ", -1 if not reported")
  long getRxErrors();

  @Doc(Descriptions.NIC_RX_DROPS + ", -1 if not reported")
  long getRxDrops();

  @Doc(value = Descriptions.NIC_TX_BYTES + ", -1 if not reported", units = "bytes")
  long getTxBytes();

  @Doc(Descriptions.NIC_TX_PACKETS + ", -1 if not reported")
  long getTxPackets();

  @Doc(Descriptions.NIC_TX_ERRORS + ", -1 if not reported")
  long getTxErrors();

  @Doc(Descriptions.NIC_TX_DROPS + ", -1 if not reported")
  long getTxDrops();

  @Doc(
      value = "Bytes received per second over the last interval, NaN if unknown",
      units = "bytes/s")
  double getRxBytesPerSec();

  @Doc(value = "Bytes sent per second over the last interval, NaN if unknown", units = "bytes/s")
  double getTxBytesPerSec();

  @Doc(value = "Packets received per second over the last interval, NaN if unknown", units = "1/s")
  double getRxPacketsPerSec();

  @Doc(value = "Packets sent per second over the last interval, NaN if unknown", units = "1/s")
  double getTxPacketsPerSec();
}
