package io.virtmx.view.jmx;

import io.virtmx.model.BalloonStats;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import io.virtmx.ops.DomainOperations;
import io.virtmx.ops.Operations;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** The Domain MBean: reads the domain's latest snapshot on every get and forwards operations. */
final class DomainBean implements DomainMXBean {
  private final SnapshotIndex index;
  private final DomainOperations ops;
  private final String host;
  private final String name;
  private volatile DomainSnapshot last;

  DomainBean(SnapshotIndex index, Operations operations, String host, DomainSnapshot initial) {
    this.index = index;
    this.ops = operations.domains();
    this.host = host;
    this.name = initial.name();
    this.last = initial;
  }

  /** The latest snapshot of the domain, or the last one seen if it just went away. */
  DomainSnapshot snap() {
    DomainSnapshot d = index.domain(host, name).orElse(null);
    if (d == null) {
      return last;
    }
    last = d;
    return d;
  }

  private long balloon(ToLongFunction<BalloonStats> field) {
    BalloonStats b = snap().balloon();
    return b == null ? -1 : field.applyAsLong(b);
  }

  static double sum(List<?> items, ToDoubleFunction<IoRates> field) {
    double total = 0;
    for (Object o : items) {
      IoRates r = o instanceof DiskStats d ? d.rates() : ((InterfaceStats) o).rates();
      total += r == null ? Double.NaN : field.applyAsDouble(r);
    }
    return items.isEmpty() ? 0 : total;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getUuid() {
    return snap().uuid();
  }

  @Override
  public String getHost() {
    return host;
  }

  @Override
  public int getId() {
    return snap().id();
  }

  @Override
  public String getState() {
    return snap().state().label();
  }

  @Override
  public int getStateCode() {
    return snap().state().code();
  }

  @Override
  public int getStateReason() {
    return snap().stateReason();
  }

  @Override
  public boolean isActive() {
    return snap().active();
  }

  @Override
  public boolean isPersistent() {
    return snap().persistent();
  }

  @Override
  public boolean isAutostart() {
    return snap().autostart();
  }

  @Override
  public String getOsType() {
    return snap().os() == null ? "" : snap().os().type();
  }

  @Override
  public String getArch() {
    return snap().os() == null ? "" : snap().os().arch();
  }

  @Override
  public String getMachine() {
    return snap().os() == null ? "" : snap().os().machine();
  }

  @Override
  public int getVcpus() {
    return snap().vcpusCurrent();
  }

  @Override
  public int getVcpusMax() {
    return snap().vcpusMax();
  }

  @Override
  public long getMemoryKib() {
    return snap().memoryCurrentKib();
  }

  @Override
  public long getMaxMemoryKib() {
    return snap().memoryMaxKib();
  }

  @Override
  public long getCpuTimeNs() {
    return snap().cpu() == null ? -1 : snap().cpu().totalNs();
  }

  @Override
  public long getCpuUserNs() {
    return snap().cpu() == null ? -1 : snap().cpu().userNs();
  }

  @Override
  public long getCpuSystemNs() {
    return snap().cpu() == null ? -1 : snap().cpu().systemNs();
  }

  @Override
  public double getCpuPercent() {
    return snap().rates() == null ? Double.NaN : snap().rates().cpuPercentOfCore();
  }

  @Override
  public double getCpuPercentOfVcpus() {
    return snap().rates() == null ? Double.NaN : snap().rates().cpuPercentOfVcpus();
  }

  @Override
  public long getBalloonActualKib() {
    return balloon(BalloonStats::actualKib);
  }

  @Override
  public long getBalloonMaximumKib() {
    return balloon(BalloonStats::maximumKib);
  }

  @Override
  public long getBalloonUnusedKib() {
    return balloon(BalloonStats::unusedKib);
  }

  @Override
  public long getBalloonAvailableKib() {
    return balloon(BalloonStats::availableKib);
  }

  @Override
  public long getBalloonUsableKib() {
    return balloon(BalloonStats::usableKib);
  }

  @Override
  public long getBalloonRssKib() {
    return balloon(BalloonStats::rssKib);
  }

  @Override
  public long getBalloonSwapInKib() {
    return balloon(BalloonStats::swapInKib);
  }

  @Override
  public long getBalloonSwapOutKib() {
    return balloon(BalloonStats::swapOutKib);
  }

  @Override
  public long getBalloonMajorFaults() {
    return balloon(BalloonStats::majorFaults);
  }

  @Override
  public long getBalloonMinorFaults() {
    return balloon(BalloonStats::minorFaults);
  }

  @Override
  public long getBalloonDiskCachesKib() {
    return balloon(BalloonStats::diskCachesKib);
  }

  @Override
  public double getGuestMemoryUsedPercent() {
    return snap().balloon() == null ? Double.NaN : snap().balloon().usedPercent();
  }

  @Override
  public int getDiskCount() {
    return snap().disks().size();
  }

  @Override
  public String[] getDisks() {
    return snap().disks().stream().map(DiskStats::target).toArray(String[]::new);
  }

  @Override
  public double getDiskReadBytesPerSec() {
    return sum(snap().disks(), IoRates::readBytesPerSec);
  }

  @Override
  public double getDiskWriteBytesPerSec() {
    return sum(snap().disks(), IoRates::writeBytesPerSec);
  }

  @Override
  public int getInterfaceCount() {
    return snap().interfaces().size();
  }

  @Override
  public String[] getInterfaces() {
    return snap().interfaces().stream().map(DomainBean::interfaceName).toArray(String[]::new);
  }

  /** The name an interface is published under: its target device, or its MAC while it has none. */
  static String interfaceName(InterfaceStats i) {
    return i.target() != null && !i.target().isEmpty() ? i.target() : String.valueOf(i.mac());
  }

  @Override
  public double getNetRxBytesPerSec() {
    return sum(snap().interfaces(), IoRates::readBytesPerSec);
  }

  @Override
  public double getNetTxBytesPerSec() {
    return sum(snap().interfaces(), IoRates::writeBytesPerSec);
  }

  @Override
  public boolean isJobRunning() {
    return snap().job() != null && snap().job().running();
  }

  @Override
  public long getJobElapsedMillis() {
    return snap().job() == null ? 0 : snap().job().timeElapsedMs();
  }

  @Override
  public String getSampledAt() {
    return String.valueOf(snap().sampledAt());
  }

  @Override
  public void start() {
    ops.start(JmxCallers.current(), host, name);
  }

  @Override
  public void shutdown() {
    ops.shutdown(JmxCallers.current(), host, name);
  }

  @Override
  public void reboot() {
    ops.reboot(JmxCallers.current(), host, name);
  }

  @Override
  public void reset() {
    ops.reset(JmxCallers.current(), host, name);
  }

  @Override
  public void destroy() {
    ops.destroy(JmxCallers.current(), host, name);
  }

  @Override
  public void suspend() {
    ops.suspend(JmxCallers.current(), host, name);
  }

  @Override
  public void resume() {
    ops.resume(JmxCallers.current(), host, name);
  }

  @Override
  public void managedSave() {
    ops.managedSave(JmxCallers.current(), host, name);
  }

  @Override
  public void managedSaveRemove() {
    ops.managedSaveRemove(JmxCallers.current(), host, name);
  }

  @Override
  public void setMemory(long kib) {
    ops.setMemory(JmxCallers.current(), host, name, kib);
  }

  @Override
  public void setMaxMemory(long kib) {
    ops.setMaxMemory(JmxCallers.current(), host, name, kib);
  }

  @Override
  public void setVcpus(int count) {
    ops.setVcpus(JmxCallers.current(), host, name, count);
  }

  @Override
  public void setAutostart(boolean on) {
    ops.setAutostart(JmxCallers.current(), host, name, on);
  }

  @Override
  public void createSnapshot(String snapshot, String description) {
    ops.createSnapshot(JmxCallers.current(), host, name, snapshot, description);
  }

  @Override
  public void revertToSnapshot(String snapshot) {
    ops.revertToSnapshot(JmxCallers.current(), host, name, snapshot);
  }

  @Override
  public void deleteSnapshot(String snapshot) {
    ops.deleteSnapshot(JmxCallers.current(), host, name, snapshot);
  }

  @Override
  public String[] listSnapshots() {
    return ops.listSnapshots(JmxCallers.current(), host, name).toArray(String[]::new);
  }

  @Override
  public void migrate(String destinationUri, boolean live, long bandwidthMiBps) {
    ops.migrate(JmxCallers.current(), host, name, destinationUri, live, bandwidthMiBps);
  }

  @Override
  public String getXmlDescription() {
    return ops.xmlDescription(JmxCallers.current(), host, name);
  }

  @Override
  public void undefine() {
    ops.undefine(JmxCallers.current(), host, name);
  }
}
