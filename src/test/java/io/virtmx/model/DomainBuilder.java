/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a {@link DomainSnapshot}: shut off, persistent, uuid "uuid-NAME", 1 vCPU, unmeasured. */
public final class DomainBuilder extends NamedBuilder<DomainBuilder> {
  private int id = -1;
  private DomainState state = DomainState.SHUTOFF;
  private int reason = 1;
  private boolean persistent = true;
  private boolean autostart;
  private OsInfo os = OsInfo.UNKNOWN;
  private int[] vcpuCounts = {1, 1};
  private final List<VcpuStats> vcpus = new ArrayList<>();
  private final List<VcpuPin> pinning = new ArrayList<>();
  private long[] memory = {0, 0};
  private CpuTimes cpu = CpuTimes.UNKNOWN;
  private BalloonStats balloon = BalloonStats.UNKNOWN;
  private final List<DiskStats.Measured> disks = new ArrayList<>();
  private final List<InterfaceStats.Measured> nics = new ArrayList<>();
  private JobInfo job = JobInfo.NONE;
  private DomainRates rates = DomainRates.UNKNOWN;
  private Sample sample = new Sample(Instant.EPOCH, 0);
  private final List<DeviceInfo> devices = new ArrayList<>();
  private DomainMetadata metadata = DomainMetadata.NONE;
  private GuestInsight guest = GuestInsight.UNKNOWN;
  private final Map<String, Long> perf = new java.util.TreeMap<>();
  private final List<IoThreadStats> iothreads = new ArrayList<>();

  DomainBuilder(String name) {
    super(name);
  }

  public DomainBuilder id(int value) {
    return set(() -> id = value);
  }

  public DomainBuilder running() {
    return state(DomainState.RUNNING);
  }

  public DomainBuilder state(DomainState value) {
    return set(() -> state = value);
  }

  public DomainBuilder reason(int value) {
    return set(() -> reason = value);
  }

  public DomainBuilder persistent(boolean value) {
    return set(() -> persistent = value);
  }

  public DomainBuilder autostart(boolean value) {
    return set(() -> autostart = value);
  }

  public DomainBuilder os(String type, String arch, String machine) {
    return set(() -> os = new OsInfo(type, arch, machine));
  }

  public DomainBuilder vcpus(int current, int max) {
    return set(() -> vcpuCounts = new int[] {current, max});
  }

  /** One vCPU's stats: state 1 is running; -1 where unknown. */
  public DomainBuilder vcpu(
      int number, int vcpuState, long timeNs, long waitNs, long delayNs, int hostCpu) {
    return set(
        () ->
            vcpus.add(
                new VcpuStats(
                    number, VcpuState.ofCode(vcpuState), timeNs, waitNs, delayNs, hostCpu)));
  }

  /** vCPU {@code vcpu} pinned to the host CPUs {@code hostCpus}. */
  public DomainBuilder pin(int vcpu, Integer... hostCpus) {
    return set(() -> pinning.add(new VcpuPin(vcpu, List.of(hostCpus))));
  }

  public DomainBuilder memoryKib(long current, long max) {
    return set(() -> memory = new long[] {current * 1024, max * 1024});
  }

  public DomainBuilder cpu(long totalNs, long userNs, long systemNs) {
    return set(() -> cpu = new CpuTimes(totalNs, userNs, systemNs));
  }

  public DomainBuilder balloon(BalloonBuilder value) {
    return set(() -> balloon = value.build());
  }

  public DomainBuilder disk(DiskBuilder value) {
    return set(() -> disks.add(value.measured()));
  }

  public DomainBuilder nic(NicBuilder value) {
    return set(() -> nics.add(value.measured()));
  }

  public DomainBuilder job(JobInfo value) {
    return set(() -> job = value);
  }

  public DomainBuilder rates(DomainRates value) {
    return set(() -> rates = value);
  }

  public DomainBuilder sampled(Instant at, long nanos) {
    return set(() -> sample = new Sample(at, nanos));
  }

  public DomainBuilder devices(List<DeviceInfo> values) {
    return set(() -> devices.addAll(values));
  }

  public DomainBuilder metadata(String title, String description, Map<String, String> labels) {
    return set(() -> metadata = new DomainMetadata(title, description, labels));
  }

  public DomainBuilder perf(String event, long value) {
    return set(() -> perf.put(event, value));
  }

  public DomainBuilder iothread(int id, long pollMaxNs, long grow, long shrink) {
    return set(() -> iothreads.add(new IoThreadStats(id, pollMaxNs, grow, shrink)));
  }

  /** One vCPU's stats with its halted flag (1 halted, 0 not). */
  public DomainBuilder vcpu(
      int number, int vcpuState, long timeNs, long waitNs, long delayNs, int hostCpu, int halted) {
    return set(
        () ->
            vcpus.add(
                new VcpuStats(
                    number,
                    VcpuState.ofCode(vcpuState),
                    timeNs,
                    waitNs,
                    delayNs,
                    hostCpu,
                    halted)));
  }

  public DomainBuilder guest(GuestInsight value) {
    return set(() -> guest = value);
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
        new DomainVcpus(vcpuCounts[0], vcpuCounts[1], vcpus, pinning),
        new DomainMemory(memory[0], memory[1], balloon),
        cpu,
        DiskStats.identified(disks),
        InterfaceStats.identified(nics),
        devices,
        job,
        rates,
        sample,
        metadata,
        guest,
        perf,
        iothreads);
  }
}
