package io.virtmx.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Named builders for test snapshots, the one place tests call the model's positional constructors
 * (so a reshaped record is absorbed here), e.g.
 *
 * <pre>{@code
 * Snapshots.host("hv1").domain(
 *     Snapshots.domain("web").running().id(3).vcpus(2, 4)
 *         .disk(Snapshots.disk("vda").source("/img/web.qcow2").reads(100, 409_600, 2_000_000_000L)))
 *     .build();
 * }</pre>
 *
 * Whatever a test does not set is unknown: -1 counters, {@code UNKNOWN} values, empty lists.
 */
public final class Snapshots {
  private Snapshots() {}

  public static HostBuilder host(String name) {
    return new HostBuilder(name);
  }

  public static NodeBuilder node(String hostname) {
    return new NodeBuilder(hostname);
  }

  public static DomainBuilder domain(String name) {
    return new DomainBuilder(name);
  }

  public static DiskBuilder disk(String target) {
    return new DiskBuilder(target);
  }

  public static NicBuilder nic(String target) {
    return new NicBuilder(target);
  }

  public static PoolBuilder pool(String name) {
    return new PoolBuilder(name);
  }

  public static VolumeBuilder volume(String name) {
    return new VolumeBuilder(name);
  }

  public static NetworkBuilder network(String name) {
    return new NetworkBuilder(name);
  }

  public static BalloonBuilder balloon() {
    return new BalloonBuilder();
  }

  /** Balloon statistics in KiB as the guest reports them; -1 where unknown. */
  public static final class BalloonBuilder {
    private long actual = -1;
    private long maximum = -1;
    private long unused = -1;
    private long available = -1;
    private long usable = -1;
    private long rss = -1;
    private long swapIn = -1;
    private long swapOut = -1;
    private long majorFaults = -1;
    private long minorFaults = -1;
    private long diskCaches = -1;
    private long lastUpdate = -1;

    private BalloonBuilder() {}

    public BalloonBuilder sizeKib(long actualKib, long maximumKib) {
      actual = actualKib;
      maximum = maximumKib;
      return this;
    }

    public BalloonBuilder guestKib(long unusedKib, long availableKib, long usableKib) {
      unused = unusedKib;
      available = availableKib;
      usable = usableKib;
      return this;
    }

    public BalloonBuilder rssKib(long value) {
      rss = value;
      return this;
    }

    public BalloonBuilder swapKib(long in, long out) {
      swapIn = in;
      swapOut = out;
      return this;
    }

    public BalloonBuilder faults(long major, long minor) {
      majorFaults = major;
      minorFaults = minor;
      return this;
    }

    public BalloonBuilder diskCachesKib(long value) {
      diskCaches = value;
      return this;
    }

    /** The guest's last stats update, seconds since the epoch. */
    public BalloonBuilder lastUpdate(long epochSeconds) {
      lastUpdate = epochSeconds;
      return this;
    }

    public BalloonStats build() {
      return new BalloonStats(
          actual,
          maximum,
          unused,
          available,
          usable,
          rss,
          swapIn,
          swapOut,
          majorFaults,
          minorFaults,
          diskCaches,
          lastUpdate);
    }
  }

  /** A host snapshot: up, not stale, collected at the epoch in no time, node named after it. */
  public static final class HostBuilder {
    private final String host;
    private String uri = "qemu:///system";
    private boolean up = true;
    private boolean stale;
    private Instant collectedAt = Instant.EPOCH;
    private Instant lastSuccess = Instant.EPOCH;
    private Duration took = Duration.ZERO;
    private Map<String, Long> errors = Map.of();
    private NodeInfo node;
    private final List<DomainSnapshot> domains = new ArrayList<>();
    private final List<PoolSnapshot> pools = new ArrayList<>();
    private final List<NetworkSnapshot> networks = new ArrayList<>();

    private HostBuilder(String host) {
      this.host = host;
      this.node = Snapshots.node(host).build();
    }

    public HostBuilder uri(String value) {
      uri = value;
      return this;
    }

    public HostBuilder stale(boolean value) {
      stale = value;
      return this;
    }

    public HostBuilder down() {
      up = false;
      return this;
    }

    /** Collected (and last successfully collected) at {@code t}. */
    public HostBuilder collectedAt(Instant t) {
      collectedAt = t;
      lastSuccess = t;
      return this;
    }

    public HostBuilder lastSuccess(Instant t) {
      lastSuccess = t;
      return this;
    }

    public HostBuilder took(Duration d) {
      took = d;
      return this;
    }

    public HostBuilder errors(Map<String, Long> byKind) {
      errors = byKind;
      return this;
    }

    public HostBuilder node(NodeBuilder value) {
      node = value.build();
      return this;
    }

    public HostBuilder domain(DomainBuilder value) {
      return domain(value.build());
    }

    public HostBuilder domain(DomainSnapshot value) {
      domains.add(value);
      return this;
    }

    public HostBuilder domains(List<DomainSnapshot> values) {
      domains.addAll(values);
      return this;
    }

    public HostBuilder pool(PoolBuilder value) {
      pools.add(value.build());
      return this;
    }

    public HostBuilder network(NetworkBuilder value) {
      networks.add(value.build());
      return this;
    }

    public HostSnapshot build() {
      return new HostSnapshot(
          host,
          uri,
          up,
          stale,
          collectedAt,
          lastSuccess,
          took,
          errors,
          node,
          domains,
          pools,
          networks);
    }
  }

  /** A node: QEMU of unknown version, nothing else known. */
  public static final class NodeBuilder {
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

    private NodeBuilder(String hostname) {
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

  /** A domain: shut off, persistent, uuid "uuid-NAME", 1 vCPU, nothing measured. */
  public static final class DomainBuilder {
    private final String name;
    private String uuid;
    private int id = -1;
    private DomainState state = DomainState.SHUTOFF;
    private int reason = 1;
    private boolean persistent = true;
    private boolean autostart;
    private OsInfo os = OsInfo.UNKNOWN;
    private int vcpusCurrent = 1;
    private int vcpusMax = 1;
    private final List<VcpuStats> vcpus = new ArrayList<>();
    private long memoryKib;
    private long maxMemoryKib;
    private CpuTimes cpu = CpuTimes.UNKNOWN;
    private BalloonStats balloon = BalloonStats.UNKNOWN;
    private final List<DiskStats> disks = new ArrayList<>();
    private final List<InterfaceStats> nics = new ArrayList<>();
    private JobInfo job = JobInfo.NONE;
    private DomainRates rates = DomainRates.UNKNOWN;
    private Instant sampledAt = Instant.EPOCH;
    private long sampledNanos;
    private final List<DeviceInfo> devices = new ArrayList<>();

    private DomainBuilder(String name) {
      this.name = name;
      this.uuid = "uuid-" + name;
    }

    public DomainBuilder uuid(String value) {
      uuid = value;
      return this;
    }

    public DomainBuilder id(int value) {
      id = value;
      return this;
    }

    public DomainBuilder running() {
      return state(DomainState.RUNNING);
    }

    public DomainBuilder state(DomainState value) {
      state = value;
      return this;
    }

    public DomainBuilder reason(int value) {
      reason = value;
      return this;
    }

    public DomainBuilder persistent(boolean value) {
      persistent = value;
      return this;
    }

    public DomainBuilder autostart(boolean value) {
      autostart = value;
      return this;
    }

    public DomainBuilder os(String type, String arch, String machine) {
      os = new OsInfo(type, arch, machine);
      return this;
    }

    public DomainBuilder vcpus(int current, int max) {
      vcpusCurrent = current;
      vcpusMax = max;
      return this;
    }

    /** One vCPU's stats: state 1 is running; -1 where unknown. */
    public DomainBuilder vcpu(
        int number, int vcpuState, long timeNs, long waitNs, long delayNs, int hostCpu) {
      vcpus.add(new VcpuStats(number, vcpuState, timeNs, waitNs, delayNs, hostCpu));
      return this;
    }

    public DomainBuilder memoryKib(long current, long max) {
      memoryKib = current;
      maxMemoryKib = max;
      return this;
    }

    public DomainBuilder cpu(long totalNs, long userNs, long systemNs) {
      cpu = new CpuTimes(totalNs, userNs, systemNs);
      return this;
    }

    public DomainBuilder balloon(BalloonBuilder value) {
      balloon = value.build();
      return this;
    }

    public DomainBuilder disk(DiskBuilder value) {
      disks.add(value.build());
      return this;
    }

    public DomainBuilder nic(NicBuilder value) {
      nics.add(value.build());
      return this;
    }

    public DomainBuilder job(JobInfo value) {
      job = value;
      return this;
    }

    public DomainBuilder rates(DomainRates value) {
      rates = value;
      return this;
    }

    public DomainBuilder sampled(Instant at, long nanos) {
      sampledAt = at;
      sampledNanos = nanos;
      return this;
    }

    public DomainBuilder devices(List<DeviceInfo> values) {
      devices.addAll(values);
      return this;
    }

    public DomainSnapshot build() {
      return new DomainSnapshot(
          name,
          uuid,
          id,
          state,
          reason,
          persistent,
          autostart,
          os,
          vcpusCurrent,
          vcpusMax,
          vcpus,
          memoryKib,
          maxMemoryKib,
          cpu,
          balloon,
          disks,
          nics,
          job,
          rates,
          sampledAt,
          sampledNanos,
          devices);
    }
  }

  /** A virtio qcow2 file disk, no source, nothing measured. */
  public static final class DiskBuilder {
    private final String target;
    private String bus = "virtio";
    private String type = "file";
    private String device = "disk";
    private String driver = "qcow2";
    private String source = "";
    private long readRequests = -1;
    private long readBytes = -1;
    private long readTimeNs = -1;
    private long writeRequests = -1;
    private long writeBytes = -1;
    private long writeTimeNs = -1;
    private long flushRequests = -1;
    private long flushTimeNs = -1;
    private long errors = -1;
    private long capacity = -1;
    private long allocation = -1;
    private long physical = -1;

    private DiskBuilder(String target) {
      this.target = target;
    }

    /** Bus, source type ("file", "block"), device ("disk", "cdrom") and driver format. */
    public DiskBuilder kind(String busName, String sourceType, String deviceKind, String format) {
      bus = busName;
      type = sourceType;
      device = deviceKind;
      driver = format;
      return this;
    }

    public DiskBuilder source(String value) {
      source = value;
      return this;
    }

    public DiskBuilder reads(long requests, long bytes, long timeNs) {
      readRequests = requests;
      readBytes = bytes;
      readTimeNs = timeNs;
      return this;
    }

    public DiskBuilder writes(long requests, long bytes, long timeNs) {
      writeRequests = requests;
      writeBytes = bytes;
      writeTimeNs = timeNs;
      return this;
    }

    public DiskBuilder flushes(long requests, long timeNs) {
      flushRequests = requests;
      flushTimeNs = timeNs;
      return this;
    }

    public DiskBuilder errors(long value) {
      errors = value;
      return this;
    }

    public DiskBuilder sizes(long capacityBytes, long allocationBytes, long physicalBytes) {
      capacity = capacityBytes;
      allocation = allocationBytes;
      physical = physicalBytes;
      return this;
    }

    public DiskStats build() {
      return new DiskStats(
          target,
          bus,
          type,
          device,
          driver,
          source,
          readRequests,
          readBytes,
          readTimeNs,
          writeRequests,
          writeBytes,
          writeTimeNs,
          flushRequests,
          flushTimeNs,
          errors,
          capacity,
          allocation,
          physical,
          IoRates.UNKNOWN);
    }
  }

  /** A virtio NIC on network "default", no MAC, nothing measured. */
  public static final class NicBuilder {
    private final String target;
    private String mac = "";
    private String type = "network";
    private String source = "default";
    private String model = "virtio";
    private long rxBytes = -1;
    private long rxPackets = -1;
    private long rxErrors = -1;
    private long rxDrops = -1;
    private long txBytes = -1;
    private long txPackets = -1;
    private long txErrors = -1;
    private long txDrops = -1;

    private NicBuilder(String target) {
      this.target = target;
    }

    public NicBuilder mac(String value) {
      mac = value;
      return this;
    }

    /** Attached to a libvirt network of that name. */
    public NicBuilder network(String name) {
      type = "network";
      source = name;
      return this;
    }

    /** Attached to a host bridge of that name. */
    public NicBuilder bridge(String name) {
      type = "bridge";
      source = name;
      return this;
    }

    public NicBuilder model(String value) {
      model = value;
      return this;
    }

    public NicBuilder rx(long bytes, long packets, long errs, long drops) {
      rxBytes = bytes;
      rxPackets = packets;
      rxErrors = errs;
      rxDrops = drops;
      return this;
    }

    public NicBuilder tx(long bytes, long packets, long errs, long drops) {
      txBytes = bytes;
      txPackets = packets;
      txErrors = errs;
      txDrops = drops;
      return this;
    }

    public InterfaceStats build() {
      return new InterfaceStats(
          target,
          mac,
          type,
          source,
          model,
          rxBytes,
          rxPackets,
          rxErrors,
          rxDrops,
          txBytes,
          txPackets,
          txErrors,
          txDrops,
          IoRates.UNKNOWN);
    }
  }

  /** A running, persistent, autostarted directory pool with unknown sizes. */
  public static final class PoolBuilder {
    private final String name;
    private String uuid;
    private long capacity = -1;
    private long allocation = -1;
    private long available = -1;
    private String targetPath = "";
    private final List<VolumeSnapshot> volumes = new ArrayList<>();

    private PoolBuilder(String name) {
      this.name = name;
      this.uuid = "uuid-" + name;
    }

    public PoolBuilder uuid(String value) {
      uuid = value;
      return this;
    }

    public PoolBuilder sizes(long capacityBytes, long allocationBytes, long availableBytes) {
      capacity = capacityBytes;
      allocation = allocationBytes;
      available = availableBytes;
      return this;
    }

    public PoolBuilder path(String value) {
      targetPath = value;
      return this;
    }

    public PoolBuilder volume(VolumeBuilder value) {
      volumes.add(value.build());
      return this;
    }

    public PoolSnapshot build() {
      return new PoolSnapshot(
          name, uuid, "dir", 2, true, true, capacity, allocation, available, targetPath, volumes);
    }
  }

  /** A file volume whose key is its path. */
  public static final class VolumeBuilder {
    private final String name;
    private String key;
    private String path = "";
    private long capacity = -1;
    private long allocation = -1;

    private VolumeBuilder(String name) {
      this.name = name;
    }

    public VolumeBuilder path(String value) {
      path = value;
      return this;
    }

    public VolumeBuilder key(String value) {
      key = value;
      return this;
    }

    public VolumeBuilder sizes(long capacityBytes, long allocationBytes) {
      capacity = capacityBytes;
      allocation = allocationBytes;
      return this;
    }

    public VolumeSnapshot build() {
      return new VolumeSnapshot(name, key == null ? path : key, path, "file", capacity, allocation);
    }
  }

  /** An active, persistent, autostarted NAT network without bridge or leases. */
  public static final class NetworkBuilder {
    private final String name;
    private String uuid;
    private String bridge = "";
    private int leases;

    private NetworkBuilder(String name) {
      this.name = name;
      this.uuid = "uuid-" + name;
    }

    public NetworkBuilder uuid(String value) {
      uuid = value;
      return this;
    }

    public NetworkBuilder bridge(String value) {
      bridge = value;
      return this;
    }

    public NetworkBuilder dhcpLeases(int value) {
      leases = value;
      return this;
    }

    public NetworkSnapshot build() {
      return new NetworkSnapshot(name, uuid, true, true, true, bridge, "nat", leases);
    }
  }
}
