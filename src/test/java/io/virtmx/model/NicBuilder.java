/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;

/** Builds an {@link InterfaceStats}: virtio on network "default", no MAC, nothing measured. */
public final class NicBuilder extends SnapshotBuilder<NicBuilder> {
  private final String target;
  private String mac = "";
  private String type = "network";
  private String source = "default";
  private String model = "virtio";
  private long[] rx = unknown(4);
  private long[] tx = unknown(4);

  NicBuilder(String target) {
    this.target = target;
  }

  public NicBuilder mac(String value) {
    return set(() -> mac = value);
  }

  /** Attached to a libvirt network of that name. */
  public NicBuilder network(String name) {
    return attached("network", name);
  }

  /** Attached to a host bridge of that name. */
  public NicBuilder bridge(String name) {
    return attached("bridge", name);
  }

  private NicBuilder attached(String sourceType, String name) {
    type = sourceType;
    source = name;
    return this;
  }

  public NicBuilder model(String value) {
    return set(() -> model = value);
  }

  /** Received: bytes, packets, errors, drops. */
  public NicBuilder rx(long bytes, long packets, long errs, long drops) {
    return set(() -> rx = new long[] {bytes, packets, errs, drops});
  }

  /** Transmitted: bytes, packets, errors, drops. */
  public NicBuilder tx(long bytes, long packets, long errs, long drops) {
    return set(() -> tx = new long[] {bytes, packets, errs, drops});
  }

  /** The interface as the collector reads it, before the domain gives it its id. */
  InterfaceStats.Measured measured() {
    return new InterfaceStats.Measured(
        new NicDevice(target, mac, type, source, model),
        new NetIo(rx[0], rx[1], rx[2], rx[3], tx[0], tx[1], tx[2], tx[3]));
  }

  /** The interface alone, named as the only interface of a domain. */
  public InterfaceStats build() {
    return InterfaceStats.identified(List.of(measured())).get(0);
  }
}
