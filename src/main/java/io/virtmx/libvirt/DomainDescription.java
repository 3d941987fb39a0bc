/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DomainMetadata;
import io.virtmx.model.NicDevice;
import io.virtmx.model.OsInfo;
import io.virtmx.model.VcpuPin;
import java.util.List;
import java.util.Objects;

/**
 * What a domain's XML description defines: identity, OS, vCPUs, memory in KiB, disks and
 * interfaces, title, description, metadata labels and vCPU pinning (restricted vCPUs only). Strings are "" and numbers -1 where the description leaves them out.
 */
public record DomainDescription(
    String name,
    String uuid,
    String type,
    OsInfo os,
    int vcpusMax,
    int vcpusCurrent,
    long memoryKib,
    long currentMemoryKib,
    List<DiskDevice> disks,
    List<NicDevice> interfaces,
    List<DeviceInfo> devices,
    DomainMetadata metadata,
    List<VcpuPin> vcpuPinning) {

  public DomainDescription {
    vcpuPinning = List.copyOf(vcpuPinning);
    disks = List.copyOf(disks);
    interfaces = List.copyOf(interfaces);
    devices = List.copyOf(devices);
    Objects.requireNonNull(metadata, "metadata");
  }

  DomainDescription withMetadata(DomainMetadata value) {
    return new DomainDescription(
        name,
        uuid,
        type,
        os,
        vcpusMax,
        vcpusCurrent,
        memoryKib,
        currentMemoryKib,
        disks,
        interfaces,
        devices,
        value,
        vcpuPinning);
  }
}
