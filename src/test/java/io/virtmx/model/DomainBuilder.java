package io.virtmx.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link DomainSnapshot}: shut off, persistent, uuid "uuid-NAME", 1 vCPU, unmeasured. */
public final class DomainBuilder {
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
  private long memoryBytes;
  private long maxMemoryBytes;
  private CpuTimes cpu = CpuTimes.UNKNOWN;
  private BalloonStats balloon = BalloonStats.UNKNOWN;
  private final List<DiskStats.Measured> disks = new ArrayList<>();
  private final List<InterfaceStats.Measured> nics = new ArrayList<>();
  private JobInfo job = JobInfo.NONE;
  private DomainRates rates = DomainRates.UNKNOWN;
  private Instant sampledAt = Instant.EPOCH;
  private long sampledNanos;
  private final List<DeviceInfo> devices = new ArrayList<>();

  DomainBuilder(String name) {
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
    vcpus.add(new VcpuStats(number, VcpuState.ofCode(vcpuState), timeNs, waitNs, delayNs, hostCpu));
    return this;
  }

  public DomainBuilder memoryKib(long current, long max) {
    memoryBytes = current * 1024;
    maxMemoryBytes = max * 1024;
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
    disks.add(value.measured());
    return this;
  }

  public DomainBuilder nic(NicBuilder value) {
    nics.add(value.measured());
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
        new StateReason(state, reason),
        persistent,
        autostart,
        os,
        new DomainVcpus(vcpusCurrent, vcpusMax, vcpus),
        new DomainMemory(memoryBytes, maxMemoryBytes, balloon),
        cpu,
        DiskStats.identified(disks),
        InterfaceStats.identified(nics),
        devices,
        job,
        rates,
        new Sample(sampledAt, sampledNanos));
  }
}
