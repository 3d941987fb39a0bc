/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One disk of a domain: its definition, I/O counters, sizes and rates. A stopped domain's disks
 * have {@link BlockIo#UNKNOWN} and {@link BlockSizes#UNKNOWN}.
 */
public record DiskStats(String id, DiskDevice device, BlockIo io, BlockSizes sizes, IoRates rates) {
  public DiskStats {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(io, "io");
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(rates, "rates");
  }

  /**
   * The disks of one domain with their {@link DeviceIds ids} (the target device, else the source,
   * else {@code #<position>}), which every view names a disk by: JMX {@code disk=}, the metrics
   * {@code target_device} label, the device part of CIM's InstanceID.
   */
  public static List<DiskStats> identified(List<Measured> disks) {
    List<String> ids =
        DeviceIds.of(
            disks.stream().map(m -> m.device().target()).toList(),
            disks.stream().map(m -> m.device().source()).toList());
    List<DiskStats> out = new ArrayList<>(disks.size());
    for (int i = 0; i < disks.size(); i++) {
      Measured m = disks.get(i);
      out.add(new DiskStats(ids.get(i), m.device(), m.io(), m.sizes(), IoRates.UNKNOWN));
    }
    return List.copyOf(out);
  }

  /**
   * What was read of one disk: its definition (its source may be completed from the statistics),
   * counters and sizes.
   */
  public record Measured(DiskDevice device, BlockIo io, BlockSizes sizes) {
    public static Measured definedOnly(DiskDevice device) {
      return new Measured(device, BlockIo.UNKNOWN, BlockSizes.UNKNOWN);
    }
  }

  public DiskStats withRates(IoRates newRates) {
    return new DiskStats(id, device, io, sizes, newRates);
  }
}
