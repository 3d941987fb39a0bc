package io.virtmx.model;

import java.util.List;

/** Builds an {@link InterfaceStats}: virtio on network "default", no MAC, nothing measured. */
public final class NicBuilder {
  private final String target;
  private String mac = "";
  private String type = "network";
  private String source = "default";
  private String model = "virtio";
  private long rxBytes = -1;
  private long rxPackets = -1;
  private long rxErrors = -1;
  private long rxDrops = -1;
  private long txBytes = -1;
  private long txPackets = -1;
  private long txErrors = -1;
  private long txDrops = -1;

  NicBuilder(String target) {
    this.target = target;
  }

  public NicBuilder mac(String value) {
    mac = value;
    return this;
  }

  /** Attached to a libvirt network of that name. */
  public NicBuilder network(String name) {
    type = "network";
    source = name;
    return this;
  }

  /** Attached to a host bridge of that name. */
  public NicBuilder bridge(String name) {
    type = "bridge";
    source = name;
    return this;
  }

  public NicBuilder model(String value) {
    model = value;
    return this;
  }

  public NicBuilder rx(long bytes, long packets, long errs, long drops) {
    rxBytes = bytes;
    rxPackets = packets;
    rxErrors = errs;
    rxDrops = drops;
    return this;
  }

  public NicBuilder tx(long bytes, long packets, long errs, long drops) {
    txBytes = bytes;
    txPackets = packets;
    txErrors = errs;
    txDrops = drops;
    return this;
  }

  /** The interface as the collector reads it, before the domain gives it its id. */
  InterfaceStats.Measured measured() {
    return new InterfaceStats.Measured(
        new NicDevice(target, mac, type, source, model),
        new NetIo(rxBytes, rxPackets, rxErrors, rxDrops, txBytes, txPackets, txErrors, txDrops));
  }

  /** The interface alone, named as the only interface of a domain. */
  public InterfaceStats build() {
    return InterfaceStats.identified(List.of(measured())).get(0);
  }
}
