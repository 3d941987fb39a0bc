/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * What a domain's definition says of one disk: target (vda, sdb…, unique within the domain), bus,
 * type (file, block, network, volume…), device (disk, cdrom, floppy, lun), image format and source
 * (file, device, {@code pool/volume} or {@code protocol:name}; "" for an empty drive). Absent
 * values are "".
 */
public record DiskDevice(
    String target, String bus, String type, String device, String driver, String source) {
  public DiskDevice {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(source, "source");
  }

  public DiskDevice withSource(String newSource) {
    return new DiskDevice(target, bus, type, device, driver, newSource);
  }
}
