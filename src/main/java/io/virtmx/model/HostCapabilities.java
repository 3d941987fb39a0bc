/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * The host CPU and the guests it can run, from {@code virConnectGetCapabilities}: architecture,
 * model, vendor, feature names, topology (-1 if not reported) and the guest architectures.
 */
public record HostCapabilities(
    String arch,
    String cpuModel,
    String cpuVendor,
    List<String> cpuFeatures,
    int sockets,
    int dies,
    int cores,
    int threads,
    List<GuestArch> guests) {

  public static final HostCapabilities UNKNOWN =
      new HostCapabilities("", "", "", List.of(), -1, -1, -1, -1, List.of());

  public HostCapabilities {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(cpuModel, "cpuModel");
    Objects.requireNonNull(cpuVendor, "cpuVendor");
    cpuFeatures = List.copyOf(cpuFeatures);
    guests = List.copyOf(guests);
  }

  /** The same capabilities with other guest architectures. */
  public HostCapabilities withGuests(List<GuestArch> newGuests) {
    return new HostCapabilities(
        arch, cpuModel, cpuVendor, cpuFeatures, sockets, dies, cores, threads, newGuests);
  }
}
