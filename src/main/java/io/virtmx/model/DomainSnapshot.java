package io.virtmx.model;

import java.time.Instant;
import java.util.List;

/**
 * One domain (virtual machine), active or only defined, with every counter libvirt gave for it.
 *
 * <p>{@code id} is -1 when the domain is not running. Counters libvirt did not report are -1.
 * {@code sampledNanos} is a monotonic timestamp ({@link System#nanoTime()}) used only to compute
 * rates between two samples.
 */
public record DomainSnapshot(
    String name,
    String uuid,
    int id,
    DomainState state,
    int stateReason,
    boolean persistent,
    boolean autostart,
    OsInfo os,
    int vcpusCurrent,
    int vcpusMax,
    List<VcpuStats> vcpus,
    long memoryCurrentKib,
    long memoryMaxKib,
    CpuTimes cpu,
    BalloonStats balloon,
    List<DiskStats> disks,
    List<InterfaceStats> interfaces,
    JobInfo job,
    DomainRates rates,
    Instant sampledAt,
    long sampledNanos,
    List<DeviceInfo> devices) {

  public DomainSnapshot {
    vcpus = List.copyOf(vcpus);
    disks = List.copyOf(disks);
    interfaces = List.copyOf(interfaces);
    devices = List.copyOf(devices);
  }

  public boolean active() {
    return id >= 0;
  }

  /** Copy with the derived rates filled in. */
  public DomainSnapshot withRates(
      DomainRates newRates, List<DiskStats> ratedDisks, List<InterfaceStats> ratedIfaces) {
    return new DomainSnapshot(
        name,
        uuid,
        id,
        state,
        stateReason,
        persistent,
        autostart,
        os,
        vcpusCurrent,
        vcpusMax,
        vcpus,
        memoryCurrentKib,
        memoryMaxKib,
        cpu,
        balloon,
        ratedDisks,
        ratedIfaces,
        job,
        newRates,
        sampledAt,
        sampledNanos,
        devices);
  }
}
