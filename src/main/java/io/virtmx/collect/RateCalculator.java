/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainRates;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Derives per-second rates from two samples of the same domain: CPU utilisation, disk and interface
 * throughput and operations. A counter that went backwards (the domain restarted, a device was
 * re-plugged) or is unknown yields NaN for that rate, which restarts it at the next sample; a rate
 * is never negative.
 */
final class RateCalculator {
  private RateCalculator() {}

  /**
   * Rates for every domain of {@code current} that also has an earlier sample in {@code previous}.
   */
  static List<DomainSnapshot> apply(List<DomainSnapshot> previous, List<DomainSnapshot> current) {
    Map<String, DomainSnapshot> before = index(previous, DomainSnapshot::uuid);
    return current.stream().map(d -> rate(before.get(d.uuid()), d)).toList();
  }

  static DomainSnapshot rate(DomainSnapshot prev, DomainSnapshot cur) {
    if (prev == null
        || cur.sample().monotonicNanos() <= prev.sample().monotonicNanos()
        || prev.id() != cur.id()
        || !cur.active()) {
      return cur.withRates(
          DomainRates.UNKNOWN,
          cur.disks().stream().map(d -> d.withRates(IoRates.UNKNOWN)).toList(),
          cur.interfaces().stream().map(i -> i.withRates(IoRates.UNKNOWN)).toList());
    }
    double seconds = (cur.sample().monotonicNanos() - prev.sample().monotonicNanos()) / 1e9;
    double cpuPerSec = perSecond(prev.cpu().totalNs(), cur.cpu().totalNs(), seconds);
    double ofCore = cpuPerSec / 1e9 * 100.0;
    double ofVcpus = cur.vcpus().current() > 0 ? ofCore / cur.vcpus().current() : Double.NaN;
    Map<String, DiskStats> disksBefore = index(prev.disks(), DiskStats::id);
    Map<String, InterfaceStats> ifacesBefore = index(prev.interfaces(), InterfaceStats::id);
    List<DiskStats> disks =
        cur.disks().stream()
            .map(d -> d.withRates(diskRates(disksBefore.get(d.id()), d, seconds)))
            .toList();
    List<InterfaceStats> ifaces =
        cur.interfaces().stream()
            .map(i -> i.withRates(interfaceRates(ifacesBefore.get(i.id()), i, seconds)))
            .toList();
    return cur.withRates(new DomainRates(ofCore, ofVcpus), disks, ifaces);
  }

  /**
   * For a sample taken outside the regular interval (after an event): keeps the rates of the
   * previous sample rather than computing them over a few milliseconds, unless the domain
   * restarted, in which case they start again.
   */
  static DomainSnapshot carryOver(DomainSnapshot prev, DomainSnapshot cur) {
    if (prev == null || prev.id() != cur.id() || !cur.active()) {
      return rate(null, cur);
    }
    Map<String, DiskStats> disks = index(prev.disks(), DiskStats::id);
    Map<String, InterfaceStats> ifaces = index(prev.interfaces(), InterfaceStats::id);
    return cur.withRates(
        prev.rates(),
        cur.disks().stream().map(d -> d.withRates(ratesOf(disks.get(d.id())))).toList(),
        cur.interfaces().stream().map(i -> i.withRates(ratesOf(ifaces.get(i.id())))).toList());
  }

  private static IoRates ratesOf(DiskStats d) {
    return d == null ? IoRates.UNKNOWN : d.rates();
  }

  private static IoRates ratesOf(InterfaceStats i) {
    return i == null ? IoRates.UNKNOWN : i.rates();
  }

  private static IoRates diskRates(DiskStats prev, DiskStats cur, double seconds) {
    if (prev == null) {
      return IoRates.UNKNOWN;
    }
    return new IoRates(
        perSecond(prev.io().readBytes(), cur.io().readBytes(), seconds),
        perSecond(prev.io().writeBytes(), cur.io().writeBytes(), seconds),
        perSecond(prev.io().readRequests(), cur.io().readRequests(), seconds),
        perSecond(prev.io().writeRequests(), cur.io().writeRequests(), seconds));
  }

  private static IoRates interfaceRates(InterfaceStats prev, InterfaceStats cur, double seconds) {
    if (prev == null) {
      return IoRates.UNKNOWN;
    }
    return new IoRates(
        perSecond(prev.io().rxBytes(), cur.io().rxBytes(), seconds),
        perSecond(prev.io().txBytes(), cur.io().txBytes(), seconds),
        perSecond(prev.io().rxPackets(), cur.io().rxPackets(), seconds),
        perSecond(prev.io().txPackets(), cur.io().txPackets(), seconds));
  }

  static double perSecond(long before, long after, double seconds) {
    if (before < 0 || after < 0 || after < before || seconds <= 0) {
      return Double.NaN;
    }
    return (after - before) / seconds;
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> map = new HashMap<>(items.size() * 2);
    for (T item : items) {
      map.putIfAbsent(key.apply(item), item);
    }
    return map;
  }
}
