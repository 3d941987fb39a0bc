package io.virtmx.view.jmx;

/**
 * One network interface of a domain: definition, counters as plain numbers (-1 where not reported)
 * and rates.
 */
@Doc(
    "One network interface of a running domain, seen from the host: cumulative counters (-1 where not reported) "
        + "and per-second rates")
public interface DomainInterfaceMXBean {
  @Doc("Host-side target device, e.g. vnet0")
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

  @Doc(value = "Bytes received", units = "bytes")
  long getRxBytes();

  @Doc("Packets received")
  long getRxPackets();

  @Doc("Receive errors")
  long getRxErrors();

  @Doc("Received packets dropped")
  long getRxDrops();

  @Doc(value = "Bytes sent", units = "bytes")
  long getTxBytes();

  @Doc("Packets sent")
  long getTxPackets();

  @Doc("Transmit errors")
  long getTxErrors();

  @Doc("Sent packets dropped")
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
