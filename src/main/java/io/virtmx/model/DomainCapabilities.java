/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * What a domain of one architecture may use on this host ({@code virConnectGetDomainCapabilities}):
 * the machine and domain type asked about, maximum vCPUs (-1 if not reported), and the disk buses,
 * disk devices, graphics types, host-device subsystem types and firmware it supports.
 */
public record DomainCapabilities(
    String machine,
    String domainType,
    int maxVcpus,
    List<String> diskBuses,
    List<String> diskDevices,
    List<String> graphicsTypes,
    List<String> hostdevTypes,
    List<String> firmware) {

  public static final DomainCapabilities UNKNOWN =
      new DomainCapabilities("", "", -1, List.of(), List.of(), List.of(), List.of(), List.of());

  public DomainCapabilities {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(domainType, "domainType");
    diskBuses = List.copyOf(diskBuses);
    diskDevices = List.copyOf(diskDevices);
    graphicsTypes = List.copyOf(graphicsTypes);
    hostdevTypes = List.copyOf(hostdevTypes);
    firmware = List.copyOf(firmware);
  }
}
