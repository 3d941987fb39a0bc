/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** Builds a {@link NodeInfo}: QEMU of unknown version, nothing else known unless set. */
public final class NodeBuilder extends SnapshotBuilder<NodeBuilder> {
  private final String hostname;
  private String hypervisor = "QEMU";
  private long[] versions = unknown(2);
  private String cpuModel = "";
  private int[] cpus = {-1, -1};
  private int[] topology = {-1, -1, -1, -1};
  private long[] memory = unknown(2);
  private NodeCpuTimes cpuTimes = NodeCpuTimes.UNKNOWN;

  NodeBuilder(String hostname) {
    this.hostname = hostname;
  }

  /** Versions encoded as libvirt does: major * 1,000,000 + minor * 1,000 + micro. */
  public NodeBuilder hypervisor(String type, long version, long libvirt) {
    hypervisor = type;
    return set(() -> versions = new long[] {version, libvirt});
  }

  public NodeBuilder cpus(String model, int count, int megahertz) {
    cpuModel = model;
    return set(() -> cpus = new int[] {count, megahertz});
  }

  /** NUMA nodes, sockets per node, cores per socket, threads per core. */
  public NodeBuilder topology(int numa, int socketsPerNode, int coresPerSocket, int perCore) {
    return set(() -> topology = new int[] {numa, socketsPerNode, coresPerSocket, perCore});
  }

  /** Total and free memory. */
  public NodeBuilder memoryBytes(long total, long free) {
    return set(() -> memory = new long[] {total, free});
  }

  public NodeBuilder cpuTimes(long userNs, long systemNs, long idleNs, long iowaitNs) {
    return set(() -> cpuTimes = new NodeCpuTimes(userNs, systemNs, idleNs, iowaitNs));
  }

  public NodeInfo build() {
    return new NodeInfo(
        hostname,
        hypervisor,
        versions[0],
        versions[1],
        cpuModel,
        cpus[0],
        cpus[1],
        topology[0],
        topology[1],
        topology[2],
        topology[3],
        memory[0],
        memory[1],
        cpuTimes);
  }
}
