package io.virtmx.model;

/**
 * One network interface of a domain: its definition (target device such as vnet0, MAC, type, source
 * network or bridge, model) and its counters as seen from the host; counters are -1 where not
 * reported.
 */
public record InterfaceStats(
    String target,
    String mac,
    String type,
    String source,
    String model,
    long rxBytes,
    long rxPackets,
    long rxErrors,
    long rxDrops,
    long txBytes,
    long txPackets,
    long txErrors,
    long txDrops,
    IoRates rates) {

  public InterfaceStats withRates(IoRates newRates) {
    return new InterfaceStats(
        target, mac, type, source, model, rxBytes, rxPackets, rxErrors, rxDrops, txBytes, txPackets,
        txErrors, txDrops, newRates);
  }
}
