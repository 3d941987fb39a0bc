/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * What a domain's definition says of one network interface: host-side target device (vnet0, ""
 * while the domain is stopped), guest MAC, type (network, bridge, direct…), source network or
 * bridge, and model (virtio, e1000…). Absent values are "".
 */
public record NicDevice(String target, String mac, String type, String source, String model) {
  public NicDevice {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(model, "model");
  }
}
