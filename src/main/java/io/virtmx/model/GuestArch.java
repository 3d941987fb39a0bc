/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * One guest architecture the host can run ({@code <guest>} of the capabilities): its OS type, the
 * machine types and domain types it offers, and the domain capabilities of its default machine.
 */
public record GuestArch(
    String arch,
    String osType,
    List<String> machines,
    List<String> domainTypes,
    DomainCapabilities domainCapabilities) {
  public GuestArch {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(osType, "osType");
    machines = List.copyOf(machines);
    domainTypes = List.copyOf(domainTypes);
    Objects.requireNonNull(domainCapabilities, "domainCapabilities");
  }

  /** The same architecture with its domain capabilities. */
  public GuestArch withDomainCapabilities(DomainCapabilities caps) {
    return new GuestArch(arch, osType, machines, domainTypes, caps);
  }
}
