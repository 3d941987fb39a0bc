/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * The hypervisor host itself: identity, versions, CPU and memory.
 *
 * <p>Versions are libvirt's encoding {@code major * 1_000_000 + minor * 1_000 + release}; {@link
 * #versionString} turns them into "9.0.0". Counters are cumulative since host boot, in nanoseconds;
 * -1 where the driver does not report one.
 */
public record NodeInfo(
    String hostname,
    String hypervisorType,
    long hypervisorVersion,
    long libvirtVersion,
    String cpuModel,
    int cpus,
    int cpuMhz,
    int numaNodes,
    int sockets,
    int cores,
    int threads,
    long memoryTotalBytes,
    long memoryFreeBytes,
    NodeCpuTimes cpuTimes) {

  /** No node facts: the host has not been reached yet, or the node collector is off. */
  public static final NodeInfo UNKNOWN =
      new NodeInfo(
          "",
          "",
          Values.UNKNOWN,
          Values.UNKNOWN,
          "",
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          Values.UNKNOWN,
          Values.UNKNOWN,
          NodeCpuTimes.UNKNOWN);

  public NodeInfo {
    java.util.Objects.requireNonNull(hostname, "hostname");
    java.util.Objects.requireNonNull(hypervisorType, "hypervisorType");
    java.util.Objects.requireNonNull(cpuModel, "cpuModel");
    java.util.Objects.requireNonNull(cpuTimes, "cpuTimes");
  }

  /** Whether these are facts read from the node rather than {@link #UNKNOWN}. */
  public boolean known() {
    return !equals(UNKNOWN);
  }

  public static String versionString(long encoded) {
    if (encoded < 0) {
      return "unknown";
    }
    return (encoded / 1_000_000) + "." + (encoded / 1_000 % 1_000) + "." + (encoded % 1_000);
  }
}
