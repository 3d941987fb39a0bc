/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;

/** Builds a {@link DiskStats}: a virtio qcow2 file disk, no source, nothing measured unless set. */
public final class DiskBuilder extends SnapshotBuilder<DiskBuilder> {
  private DiskDevice device;
  private long[] reads = unknown(3);
  private long[] writes = unknown(3);
  private long[] flushes = unknown(2);
  private long errors = Values.UNKNOWN;
  private BlockSizes sizes = BlockSizes.UNKNOWN;

  DiskBuilder(String target) {
    device = new DiskDevice(target, "virtio", "file", "disk", "qcow2", "");
  }

  /** Bus, source type ("file", "block"), device ("disk", "cdrom") and driver format. */
  public DiskBuilder kind(String busName, String sourceType, String deviceKind, String format) {
    return set(
        () ->
            device =
                new DiskDevice(
                    device.target(), busName, sourceType, deviceKind, format, device.source()));
  }

  public DiskBuilder source(String value) {
    return set(() -> device = device.withSource(value));
  }

  public DiskBuilder reads(long requests, long bytes, long timeNs) {
    return set(() -> reads = new long[] {requests, bytes, timeNs});
  }

  public DiskBuilder writes(long requests, long bytes, long timeNs) {
    return set(() -> writes = new long[] {requests, bytes, timeNs});
  }

  public DiskBuilder flushes(long requests, long timeNs) {
    return set(() -> flushes = new long[] {requests, timeNs});
  }

  public DiskBuilder errors(long value) {
    return set(() -> errors = value);
  }

  public DiskBuilder threshold(long bytes) {
    return set(
        () ->
            sizes =
                new BlockSizes(
                    sizes.capacityBytes(), sizes.allocationBytes(), sizes.physicalBytes(), bytes));
  }

  public DiskBuilder sizes(long capacityBytes, long allocationBytes, long physicalBytes) {
    return set(() -> sizes = new BlockSizes(capacityBytes, allocationBytes, physicalBytes));
  }

  /** The disk as the collector reads it, before the domain gives it its id. */
  DiskStats.Measured measured() {
    return new DiskStats.Measured(
        device,
        new BlockIo(
            reads[0],
            reads[1],
            reads[2],
            writes[0],
            writes[1],
            writes[2],
            flushes[0],
            flushes[1],
            errors),
        sizes);
  }

  /** The disk alone, named as the only disk of a domain. */
  public DiskStats build() {
    return DiskStats.identified(List.of(measured())).get(0);
  }
}
