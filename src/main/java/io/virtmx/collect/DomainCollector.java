/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import com.sun.jna.Pointer;
import io.virtmx.libvirt.BlockCounters;
import io.virtmx.libvirt.DomainDescription;
import io.virtmx.libvirt.DomainFlags;
import io.virtmx.libvirt.DomainStatsBatch;
import io.virtmx.libvirt.DomainStatsRecord;
import io.virtmx.libvirt.DomainXml;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeDomain;
import io.virtmx.libvirt.NetCounters;
import io.virtmx.libvirt.PerDomainStats;
import io.virtmx.libvirt.StatsGroup;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.NicDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every domain of a host, active or defined, from one {@code virConnectGetAllDomainStats} call;
 * per-domain calls fill in only the groups the driver did not return (see {@link DomainAssembler}),
 * spread over the worker pool. A domain that disappears mid-collection is dropped silently.
 */
final class DomainCollector implements Collector<List<DomainSnapshot>> {
  private static final Logger log = LoggerFactory.getLogger(DomainCollector.class);
  private static final Duration DESCRIPTION_MAX_AGE = Duration.ofMinutes(1);

  private final DescriptionCache descriptions = new DescriptionCache(DESCRIPTION_MAX_AGE);
  private final DriverSupport support = new DriverSupport();
  private final GuestSettings settings;
  private final GuestWatch guests;

  DomainCollector() {
    this(GuestSettings.DEFAULT);
  }

  DomainCollector(GuestSettings settings) {
    this.settings = settings;
    this.guests = new GuestWatch(settings);
  }

  @Override
  public List<DomainSnapshot> collect(CollectionContext context) throws InterruptedException {
    Pointer conn = context.connection().nativeHandle();
    support.useConnection(context.connection());
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn, StatsGroup.collectorMask(), 0)) {
      List<DomainStatsRecord> records = batch.records();
      DomainFlags flags = listFlags(conn);
      List<Future<DomainSnapshot>> pending = new ArrayList<>(records.size());
      Set<String> seen = new HashSet<>();
      for (DomainStatsRecord r : records) {
        seen.add(r.uuid());
        pending.add(context.workers().submit(() -> build(context, r, flags)));
      }
      descriptions.retainOnly(seen);
      List<DomainSnapshot> out = new ArrayList<>(records.size());
      for (Future<DomainSnapshot> f : pending) {
        DomainSnapshot d = await(context, f);
        if (d != null) {
          out.add(d);
        }
      }
      guests.askIfDue(
          conn,
          context.oneShot(),
          out.stream().filter(DomainSnapshot::active).map(DomainSnapshot::uuid).toList());
      return out.stream().map(d -> d.withGuest(guests.latest(d.uuid()))).toList();
    }
  }

  /** One domain, after an event; empty when it no longer exists. */
  Optional<DomainSnapshot> collectOne(CollectionContext context, String uuid) {
    descriptions.invalidate(uuid);
    Pointer conn = context.connection().nativeHandle();
    try (DomainStatsBatch batch =
        DomainStatsBatch.fetchOne(conn, uuid, StatsGroup.collectorMask())) {
      if (batch.records().isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(build(context, batch.records().get(0), null))
          .map(d -> d.withGuest(guests.latest(d.uuid())));
    } catch (LibvirtCallException e) {
      if (e.isNoDomain()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private DomainSnapshot await(CollectionContext context, Future<DomainSnapshot> f)
      throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      context.error("domain");
      log.warn("collecting a domain failed: {}", e.getCause().getMessage());
      return null;
    }
  }

  /**
   * Which domains are persistent and which autostart, two listing calls for all domains; null
   * where the driver cannot list them so (each domain is then asked).
   */
  private DomainFlags listFlags(Pointer conn) {
    if (support.lacks("listAllDomains")) {
      return null;
    }
    try {
      return DomainFlags.list(conn);
    } catch (LibvirtCallException e) {
      if (!e.isNoSupport()) {
        throw e;
      }
      support.markMissing("listAllDomains");
      return null;
    }
  }

  /**
   * Builds one domain's snapshot, or null when the domain vanished while we looked at it; its
   * persistence and autostart from {@code flags}, or asked of the domain when null.
   */
  private DomainSnapshot build(
      CollectionContext context, DomainStatsRecord record, DomainFlags flags) {
    try {
      Pointer dom = record.domain();
      int id = NativeDomain.id(dom);
      boolean bulkBlock = record.hasGroup(StatsGroup.BLOCK);
      DescriptionCache.Description description =
          descriptions.get(
              record.uuid(), id, () -> describe(context, record, id >= 0 && !bulkBlock));
      boolean persistent =
          flags != null ? flags.persistent(record.uuid()) : NativeDomain.isPersistent(dom);
      boolean autostart =
          flags != null ? flags.autostart(record.uuid()) : persistent && NativeDomain.autostart(dom);
      return new DomainAssembler(
              record, id, description, persistent, autostart, context::error, support)
          .assemble();
    } catch (LibvirtCallException e) {
      if (e.isNoDomain()) {
        log.debug("domain {} disappeared during collection", record.name());
        return null;
      }
      throw e;
    }
  }

  /**
   * The domain's definition and, for drivers without bulk block stats, disk sizes; a disk whose size cannot be read for another reason than the domain vanishing or the
   * driver lacking the call is left without sizes and counted as a domain error.
   */
  private DescriptionCache.Description describe(
      CollectionContext context, DomainStatsRecord record, boolean withDiskSizes) {
    Pointer dom = record.domain();
    DomainDescription definition = DomainXml.parse(NativeDomain.xmlDesc(dom, 0), settings.labels());
    Map<String, BlockSizes> sizes = new HashMap<>();
    if (withDiskSizes) {
      for (DiskDevice d : definition.disks()) {
        if (!d.source().isEmpty() && !d.target().isEmpty() && !support.lacks("blockInfo")) {
          try {
            sizes.put(d.target(), PerDomainStats.blockInfo(dom, d.target()));
          } catch (LibvirtCallException e) {
            if (e.isNoDomain()) {
              throw e;
            }
            if (e.isNoSupport()) {
              support.markMissing("blockInfo");
            } else {
              context.error("domain");
              log.warn(
                  "domain {}: size of disk {} not available: {}",
                  record.name(),
                  d.target(),
                  e.getMessage());
            }
          }
        }
      }
    }
    return new DescriptionCache.Description(definition, sizes);
  }

  /** Forgets what is cached about a domain, after an operation changed it (autostart, say). */
  void invalidate(String uuid) {
    descriptions.invalidate(uuid);
  }

  static List<String> targets(List<DiskDevice> disks) {
    return disks.stream().map(DiskDevice::target).toList();
  }

  static Optional<BlockCounters> block(List<BlockCounters> counters, String target) {
    return counters.stream().filter(c -> target.equals(c.name())).findFirst();
  }

  static Optional<NetCounters> net(List<NetCounters> counters, NicDevice iface) {
    return counters.stream()
        .filter(c -> !iface.target().isEmpty() && iface.target().equals(c.name()))
        .findFirst();
  }
}
