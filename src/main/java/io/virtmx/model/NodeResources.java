/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The node's resources beyond its totals, each filled by its own collector (empty when that one is
 * off): memory in detail, capabilities, host interfaces, node devices, network filters, secrets
 * counted by usage type (never a value), and the time of each host CPU (index = CPU number).
 */
public record NodeResources(
    NodeMemory memory,
    HostCapabilities capabilities,
    List<HostInterface> interfaces,
    List<NodeDevice> devices,
    NetworkFilters filters,
    Map<String, Integer> secretsByUsage,
    List<NodeCpuTimes> perCpu) {

  public static final NodeResources EMPTY =
      new NodeResources(
          NodeMemory.UNKNOWN,
          HostCapabilities.UNKNOWN,
          List.of(),
          List.of(),
          NetworkFilters.NONE,
          Map.of(),
          List.of());

  public NodeResources {
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(capabilities, "capabilities");
    interfaces = List.copyOf(interfaces);
    devices = List.copyOf(devices);
    Objects.requireNonNull(filters, "filters");
    secretsByUsage = Map.copyOf(secretsByUsage);
    perCpu = List.copyOf(perCpu);
  }

  public NodeResources withMemory(NodeMemory m) {
    return new NodeResources(m, capabilities, interfaces, devices, filters, secretsByUsage, perCpu);
  }

  public NodeResources withCapabilities(HostCapabilities c) {
    return new NodeResources(memory, c, interfaces, devices, filters, secretsByUsage, perCpu);
  }

  public NodeResources withInterfaces(List<HostInterface> i) {
    return new NodeResources(memory, capabilities, i, devices, filters, secretsByUsage, perCpu);
  }

  public NodeResources withDevices(List<NodeDevice> d) {
    return new NodeResources(memory, capabilities, interfaces, d, filters, secretsByUsage, perCpu);
  }

  public NodeResources withFilters(NetworkFilters f) {
    return new NodeResources(memory, capabilities, interfaces, devices, f, secretsByUsage, perCpu);
  }

  public NodeResources withSecretsByUsage(Map<String, Integer> s) {
    return new NodeResources(memory, capabilities, interfaces, devices, filters, s, perCpu);
  }

  public NodeResources withPerCpu(List<NodeCpuTimes> p) {
    return new NodeResources(memory, capabilities, interfaces, devices, filters, secretsByUsage, p);
  }
}
