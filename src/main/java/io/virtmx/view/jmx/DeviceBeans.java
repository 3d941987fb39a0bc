/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import io.virtmx.model.NetIo;
import io.virtmx.model.NicDevice;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The DomainDisk and DomainInterface MBeans: each finds its device in its domain's latest snapshot
 * on every get.
 */
final class DeviceBeans {
  private DeviceBeans() {}

  /** A device of a domain, by its id: its latest version, or the last seen once it is gone. */
  private abstract static class Device<T> {
    private final DomainBean domain;
    private final String id;
    private final Latest<T> latest;

    Device(
        DomainBean domain,
        String id,
        T initial,
        BiFunction<DomainSnapshot, String, Optional<T>> find) {
      this.domain = domain;
      this.id = id;
      this.latest = new Latest<>(initial, () -> find.apply(domain.snap(), id));
    }

    T current() {
      return latest.get();
    }

    /** Records the device's version in the snapshot just published. */
    void seen(T device) {
      latest.seen(device);
    }

    public String getName() {
      return id;
    }

    public String getDomain() {
      return domain.getName();
    }
  }

  /** A disk of a domain, by its id; the last one seen while its domain no longer has it. */
  static final class Disk extends Device<DiskStats> implements DomainDiskMXBean {
    Disk(DomainBean domain, DiskStats initial) {
      super(domain, initial.id(), initial, DomainSnapshot::disk);
    }

    private DiskStats disk() {
      return current();
    }

    private DiskDevice d() {
      return disk().device();
    }

    private BlockIo io() {
      return disk().io();
    }

    private BlockSizes sizes() {
      return disk().sizes();
    }

    private IoRates r() {
      return disk().rates();
    }

    @Override
    public String getBus() {
      return d().bus();
    }

    @Override
    public String getType() {
      return d().type();
    }

    @Override
    public String getDevice() {
      return d().device();
    }

    @Override
    public String getDriver() {
      return d().driver();
    }

    @Override
    public String getSource() {
      return d().source();
    }

    @Override
    public long getReadRequests() {
      return io().readRequests();
    }

    @Override
    public long getReadBytes() {
      return io().readBytes();
    }

    @Override
    public long getReadTimeNs() {
      return io().readTimeNs();
    }

    @Override
    public long getWriteRequests() {
      return io().writeRequests();
    }

    @Override
    public long getWriteBytes() {
      return io().writeBytes();
    }

    @Override
    public long getWriteTimeNs() {
      return io().writeTimeNs();
    }

    @Override
    public long getFlushRequests() {
      return io().flushRequests();
    }

    @Override
    public long getFlushTimeNs() {
      return io().flushTimeNs();
    }

    @Override
    public long getErrors() {
      return io().errors();
    }

    @Override
    public long getCapacityBytes() {
      return sizes().capacityBytes();
    }

    @Override
    public long getAllocationBytes() {
      return sizes().allocationBytes();
    }

    @Override
    public long getPhysicalBytes() {
      return sizes().physicalBytes();
    }

    @Override
    public long getThresholdBytes() {
      return sizes().thresholdBytes();
    }

    @Override
    public double getReadBytesPerSec() {
      return r().readBytesPerSec();
    }

    @Override
    public double getWriteBytesPerSec() {
      return r().writeBytesPerSec();
    }

    @Override
    public double getReadOpsPerSec() {
      return r().readOpsPerSec();
    }

    @Override
    public double getWriteOpsPerSec() {
      return r().writeOpsPerSec();
    }
  }

  /** An interface of a domain, by its id; the last one seen while its domain no longer has it. */
  static final class Interface extends Device<InterfaceStats> implements DomainInterfaceMXBean {
    Interface(DomainBean domain, InterfaceStats initial) {
      super(domain, initial.id(), initial, DomainSnapshot::networkInterface);
    }

    private InterfaceStats nic() {
      return current();
    }

    private NicDevice i() {
      return nic().device();
    }

    private NetIo io() {
      return nic().io();
    }

    private IoRates r() {
      return nic().rates();
    }

    @Override
    public String getMac() {
      return i().mac();
    }

    @Override
    public String getType() {
      return i().type();
    }

    @Override
    public String getSource() {
      return i().source();
    }

    @Override
    public String getModel() {
      return i().model();
    }

    @Override
    public long getRxBytes() {
      return io().rxBytes();
    }

    @Override
    public long getRxPackets() {
      return io().rxPackets();
    }

    @Override
    public long getRxErrors() {
      return io().rxErrors();
    }

    @Override
    public long getRxDrops() {
      return io().rxDrops();
    }

    @Override
    public long getTxBytes() {
      return io().txBytes();
    }

    @Override
    public long getTxPackets() {
      return io().txPackets();
    }

    @Override
    public long getTxErrors() {
      return io().txErrors();
    }

    @Override
    public long getTxDrops() {
      return io().txDrops();
    }

    @Override
    public double getRxBytesPerSec() {
      return r().readBytesPerSec();
    }

    @Override
    public double getTxBytesPerSec() {
      return r().writeBytesPerSec();
    }

    @Override
    public double getRxPacketsPerSec() {
      return r().readOpsPerSec();
    }

    @Override
    public double getTxPacketsPerSec() {
      return r().writeOpsPerSec();
    }
  }
}
