/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One network interface of a domain: its identity within the domain, definition, counters and
 * rates. A stopped domain's interfaces have {@link NetIo#UNKNOWN}.
 *
 * <p>{@code id} is what every view names the interface by (JMX {@code interface=}, the metrics
 * {@code target_device} label): see {@link #identified}.
 */
public record InterfaceStats(String id, NicDevice device, NetIo io, IoRates rates) {
  public InterfaceStats {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(io, "io");
    Objects.requireNonNull(rates, "rates");
  }

  public InterfaceStats withRates(IoRates newRates) {
    return new InterfaceStats(id, device, io, newRates);
  }

  /**
   * The interfaces of one domain with their {@link DeviceIds ids}: the target device, else the MAC
   * address, else {@code #<position>}.
   */
  public static List<InterfaceStats> identified(List<Measured> nics) {
    List<String> ids =
        DeviceIds.of(
            nics.stream().map(m -> m.device().target()).toList(),
            nics.stream().map(m -> m.device().mac()).toList());
    List<InterfaceStats> out = new ArrayList<>(nics.size());
    for (int i = 0; i < nics.size(); i++) {
      Measured m = nics.get(i);
      out.add(new InterfaceStats(ids.get(i), m.device(), m.io(), IoRates.UNKNOWN));
    }
    return List.copyOf(out);
  }

  /** What was read of one interface: its definition and counters. */
  public record Measured(NicDevice device, NetIo io) {}
}
