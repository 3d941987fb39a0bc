package io.virtmx.model;

/** Builds a {@link NodeInfo}: QEMU of unknown version, nothing else known unless set. */
public final class NodeBuilder {
  private final String hostname;
  private String hypervisor = "QEMU";
  private long hypervisorVersion = -1;
  private long libvirtVersion = -1;
  private String cpuModel = "";
  private int cpus = -1;
  private int mhz = -1;
  private int numaNodes = -1;
  private int sockets = -1;
  private int cores = -1;
  private int threads = -1;
  private long memoryTotal = -1;
  private long memoryFree = -1;
  private NodeCpuTimes cpuTimes = NodeCpuTimes.UNKNOWN;

  NodeBuilder(String hostname) {
    this.hostname = hostname;
  }

  /** Versions encoded as libvirt does: major * 1,000,000 + minor * 1,000 + micro. */
  public NodeBuilder hypervisor(String type, long version, long libvirt) {
    hypervisor = type;
    hypervisorVersion = version;
    libvirtVersion = libvirt;
    return this;
  }

  public NodeBuilder cpus(String model, int count, int megahertz) {
    cpuModel = model;
    cpus = count;
    mhz = megahertz;
    return this;
  }

  public NodeBuilder topology(int numa, int socketsPerNode, int coresPerSocket, int perCore) {
    numaNodes = numa;
    sockets = socketsPerNode;
    cores = coresPerSocket;
    threads = perCore;
    return this;
  }

  public NodeBuilder memoryBytes(long total, long free) {
    memoryTotal = total;
    memoryFree = free;
    return this;
  }

  public NodeBuilder cpuTimes(long userNs, long systemNs, long idleNs, long iowaitNs) {
    cpuTimes = new NodeCpuTimes(userNs, systemNs, idleNs, iowaitNs);
    return this;
  }

  public NodeInfo build() {
    return new NodeInfo(
        hostname,
        hypervisor,
        hypervisorVersion,
        libvirtVersion,
        cpuModel,
        cpus,
        mhz,
        numaNodes,
        sockets,
        cores,
        threads,
        memoryTotal,
        memoryFree,
        cpuTimes);
  }
}
