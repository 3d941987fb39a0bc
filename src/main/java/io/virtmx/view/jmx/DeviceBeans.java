package io.virtmx.view.jmx;

import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import java.util.List;

/**
 * The DomainDisk and DomainInterface MBeans: each finds its device in its domain's latest snapshot
 * on every get.
 */
final class DeviceBeans {
  private DeviceBeans() {}

  private static final IoRates NO_RATES = IoRates.UNKNOWN;

  /** A disk of a domain, by target. */
  static final class Disk implements DomainDiskMXBean {
    private final DomainBean domain;
    private final String target;
    private volatile DiskStats last;

    Disk(DomainBean domain, DiskStats initial) {
      this.domain = domain;
      this.target = initial.target();
      this.last = initial;
    }

    private DiskStats d() {
      List<DiskStats> disks = domain.snap().disks();
      for (DiskStats s : disks) {
        if (target.equals(s.target())) {
          last = s;
          return s;
        }
      }
      return last;
    }

    private IoRates r() {
      IoRates r = d().rates();
      return r == null ? NO_RATES : r;
    }

    @Override
    public String getName() {
      return target;
    }

    @Override
    public String getDomain() {
      return domain.getName();
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
      return d().readRequests();
    }

    @Override
    public long getReadBytes() {
      return d().readBytes();
    }

    @Override
    public long getReadTimeNs() {
      return d().readTimeNs();
    }

    @Override
    public long getWriteRequests() {
      return d().writeRequests();
    }

    @Override
    public long getWriteBytes() {
      return d().writeBytes();
    }

    @Override
    public long getWriteTimeNs() {
      return d().writeTimeNs();
    }

    @Override
    public long getFlushRequests() {
      return d().flushRequests();
    }

    @Override
    public long getFlushTimeNs() {
      return d().flushTimeNs();
    }

    @Override
    public long getErrors() {
      return d().errors();
    }

    @Override
    public long getCapacityBytes() {
      return d().capacityBytes();
    }

    @Override
    public long getAllocationBytes() {
      return d().allocationBytes();
    }

    @Override
    public long getPhysicalBytes() {
      return d().physicalBytes();
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

  /** An interface of a running domain, by target device. */
  static final class Interface implements DomainInterfaceMXBean {
    private final DomainBean domain;
    private final String target;
    private volatile InterfaceStats last;

    Interface(DomainBean domain, InterfaceStats initial) {
      this.domain = domain;
      this.target = DomainBean.interfaceName(initial);
      this.last = initial;
    }

    private InterfaceStats i() {
      DomainSnapshot snap = domain.snap();
      for (InterfaceStats s : snap.interfaces()) {
        if (target.equals(DomainBean.interfaceName(s))) {
          last = s;
          return s;
        }
      }
      return last;
    }

    private IoRates r() {
      IoRates r = i().rates();
      return r == null ? NO_RATES : r;
    }

    @Override
    public String getName() {
      return target;
    }

    @Override
    public String getDomain() {
      return domain.getName();
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
      return i().rxBytes();
    }

    @Override
    public long getRxPackets() {
      return i().rxPackets();
    }

    @Override
    public long getRxErrors() {
      return i().rxErrors();
    }

    @Override
    public long getRxDrops() {
      return i().rxDrops();
    }

    @Override
    public long getTxBytes() {
      return i().txBytes();
    }

    @Override
    public long getTxPackets() {
      return i().txPackets();
    }

    @Override
    public long getTxErrors() {
      return i().txErrors();
    }

    @Override
    public long getTxDrops() {
      return i().txDrops();
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
