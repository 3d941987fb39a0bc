/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One domain (virtual machine), active or only defined, with every fact libvirt gave for it,
 * grouped: its state and why, its vCPUs, its memory (with the balloon's view), CPU time, disks,
 * interfaces, other devices, background job, the rates derived between two samples, the labels
 * of its metadata, and what its guest agent reported ({@link GuestInsight}, gathered on its own
 * interval), perf event counters and IOThread polling statistics where the domain has them.
 *
 * <p>{@code id} is libvirt's domain ID, -1 while the domain is not running. Sizes are bytes and
 * times nanoseconds throughout; a value libvirt did not report is {@link Values#UNKNOWN} (or a
 * group's {@code UNKNOWN}).
 */
public record DomainSnapshot(
    String name,
    String uuid,
    int id,
    StateReason status,
    boolean persistent,
    boolean autostart,
    OsInfo os,
    DomainVcpus vcpus,
    DomainMemory memory,
    CpuTimes cpu,
    List<DiskStats> disks,
    List<InterfaceStats> interfaces,
    List<DeviceInfo> devices,
    JobInfo job,
    DomainRates rates,
    Sample sample,
    DomainMetadata metadata,
    GuestInsight guest,
    Map<String, Long> perf,
    List<IoThreadStats> iothreads) {

  /** libvirt's ID of a domain that is not running. */
  public static final int NOT_RUNNING = -1;

  public DomainSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(vcpus, "vcpus");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(guest, "guest");
    disks = List.copyOf(disks);
    interfaces = List.copyOf(interfaces);
    devices = List.copyOf(devices);
    perf = perf.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(perf));
    iothreads = List.copyOf(iothreads);
  }

  public DomainState state() {
    return status.state();
  }

  public boolean active() {
    return id >= 0;
  }

  /** The disk of that {@link DiskStats#id id}, if the domain has it. */
  public Optional<DiskStats> disk(String diskId) {
    return disks.stream().filter(d -> d.id().equals(diskId)).findFirst();
  }

  /** The interface of that {@link InterfaceStats#id id}, if the domain has it. */
  public Optional<InterfaceStats> networkInterface(String interfaceId) {
    return interfaces.stream().filter(i -> i.id().equals(interfaceId)).findFirst();
  }

  /** Throughput of all disks together (read and write bytes and requests per second). */
  public IoRates diskTotals() {
    return IoRates.total(disks.stream().map(DiskStats::rates).toList());
  }

  /** Throughput of all interfaces together (receive as read, transmit as write). */
  public IoRates interfaceTotals() {
    return IoRates.total(interfaces.stream().map(InterfaceStats::rates).toList());
  }

  /** Copy with the derived rates filled in. */
  public DomainSnapshot withRates(
      DomainRates newRates, List<DiskStats> ratedDisks, List<InterfaceStats> ratedIfaces) {
    return copy(ratedDisks, ratedIfaces, job, newRates, guest);
  }

  /** Copy with what the guest agent reported last. */
  public DomainSnapshot withGuest(GuestInsight value) {
    return copy(disks, interfaces, job, rates, value);
  }

  /** Copy with another sample of the background job, as the short job sampling takes it. */
  public DomainSnapshot withJob(JobInfo newJob) {
    return copy(disks, interfaces, newJob, rates, guest);
  }

  /** The one place a copy is made: the components a later step fills in, the rest kept. */
  private DomainSnapshot copy(
      List<DiskStats> newDisks,
      List<InterfaceStats> newInterfaces,
      JobInfo newJob,
      DomainRates newRates,
      GuestInsight newGuest) {
    return new DomainSnapshot(
        name,
        uuid,
        id,
        status,
        persistent,
        autostart,
        os,
        vcpus,
        memory,
        cpu,
        newDisks,
        newInterfaces,
        devices,
        newJob,
        newRates,
        sample,
        metadata,
        newGuest,
        perf,
        iothreads);
  }
}
