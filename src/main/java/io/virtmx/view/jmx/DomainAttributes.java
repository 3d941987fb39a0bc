/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.BalloonStats;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.Values;
import java.util.function.ToLongFunction;

/**
 * The Domain MBean's attributes: each get reads the domain's latest snapshot from the store and
 * converts the model's bytes to the KiB the attribute names promise. {@link DomainBean} adds the
 * operations.
 */
abstract class DomainAttributes extends DomainInsightAttributes {
  final String host;
  final String name;
  private final Latest<DomainSnapshot> latest;

  DomainAttributes(SnapshotSource source, String host, DomainSnapshot initial) {
    this.host = host;
    this.name = initial.name();
    this.latest = new Latest<>(initial, () -> source.host(host).flatMap(h -> h.domain(name)));
  }

  /** Records the domain's version in the snapshot just published. */
  void seen(DomainSnapshot current) {
    latest.seen(current);
  }

  /** The latest snapshot of the domain, or the last one seen if it just went away. */
  @Override
  DomainSnapshot snap() {
    return latest.get();
  }

  /** A balloon size in KiB, the unit of the JMX attributes, or -1 when not reported. */
  private long balloonKib(ToLongFunction<BalloonStats> bytes) {
    return kib(bytes.applyAsLong(snap().memory().balloon()));
  }

  private long balloonCount(ToLongFunction<BalloonStats> field) {
    return field.applyAsLong(snap().memory().balloon());
  }

  /** Bytes of the model in KiB, keeping "not reported" (-1) as it is. */
  static long kib(long bytes) {
    return Values.known(bytes) ? bytes / 1024 : -1;
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
    return snap().status().code();
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
    return snap().os().type();
  }

  @Override
  public String getArch() {
    return snap().os().arch();
  }

  @Override
  public String getMachine() {
    return snap().os().machine();
  }

  @Override
  public int getVcpus() {
    return snap().vcpus().current();
  }

  @Override
  public int getVcpusMax() {
    return snap().vcpus().maximum();
  }

  @Override
  public long getMemoryKib() {
    return kib(snap().memory().currentBytes());
  }

  @Override
  public long getMaxMemoryKib() {
    return kib(snap().memory().maximumBytes());
  }

  @Override
  public long getCpuTimeNs() {
    return snap().cpu().totalNs();
  }

  @Override
  public long getCpuUserNs() {
    return snap().cpu().userNs();
  }

  @Override
  public long getCpuSystemNs() {
    return snap().cpu().systemNs();
  }

  @Override
  public double getCpuPercent() {
    return snap().rates().cpuPercentOfCore();
  }

  @Override
  public double getCpuPercentOfVcpus() {
    return snap().rates().cpuPercentOfVcpus();
  }

  @Override
  public long getBalloonActualKib() {
    return balloonKib(BalloonStats::actualBytes);
  }

  @Override
  public long getBalloonMaximumKib() {
    return balloonKib(BalloonStats::maximumBytes);
  }

  @Override
  public long getBalloonUnusedKib() {
    return balloonKib(BalloonStats::unusedBytes);
  }

  @Override
  public long getBalloonAvailableKib() {
    return balloonKib(BalloonStats::availableBytes);
  }

  @Override
  public long getBalloonUsableKib() {
    return balloonKib(BalloonStats::usableBytes);
  }

  @Override
  public long getBalloonRssKib() {
    return balloonKib(BalloonStats::rssBytes);
  }

  @Override
  public long getBalloonSwapInKib() {
    return balloonKib(BalloonStats::swapInBytes);
  }

  @Override
  public long getBalloonSwapOutKib() {
    return balloonKib(BalloonStats::swapOutBytes);
  }

  @Override
  public long getBalloonMajorFaults() {
    return balloonCount(BalloonStats::majorFaults);
  }

  @Override
  public long getBalloonMinorFaults() {
    return balloonCount(BalloonStats::minorFaults);
  }

  @Override
  public long getBalloonDiskCachesKib() {
    return balloonKib(BalloonStats::diskCachesBytes);
  }

  @Override
  public double getGuestMemoryUsedPercent() {
    return snap().memory().balloon().usedPercent();
  }

  @Override
  public int getDiskCount() {
    return snap().disks().size();
  }

  @Override
  public String[] getDisks() {
    return snap().disks().stream().map(DiskStats::id).toArray(String[]::new);
  }

  @Override
  public double getDiskReadBytesPerSec() {
    return snap().diskTotals().readBytesPerSec();
  }

  @Override
  public double getDiskWriteBytesPerSec() {
    return snap().diskTotals().writeBytesPerSec();
  }

  @Override
  public int getInterfaceCount() {
    return snap().interfaces().size();
  }

  @Override
  public String[] getInterfaces() {
    return snap().interfaces().stream().map(InterfaceStats::id).toArray(String[]::new);
  }

  @Override
  public double getNetRxBytesPerSec() {
    return snap().interfaceTotals().readBytesPerSec();
  }

  @Override
  public double getNetTxBytesPerSec() {
    return snap().interfaceTotals().writeBytesPerSec();
  }

  @Override
  public boolean isJobRunning() {
    return snap().job().running();
  }

  @Override
  public long getJobElapsedMillis() {
    return snap().job().elapsed().toMillis();
  }

  @Override
  public String getSampledAt() {
    return String.valueOf(snap().sample().at());
  }
}
