/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.VolumeSnapshot;
import io.virtmx.ops.MigrationEvent;
import io.virtmx.ops.MigrationListener;
import io.virtmx.ops.Operations;
import io.virtmx.view.jmx.MBeanEntry.Key;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one MBean registered per host, domain, disk, interface, pool, volume and network of the
 * latest snapshots, leaving unchanged ones alone, and sends their notifications. An object missing
 * from a snapshot is unregistered after {@link #GRACE_MS} (so the event that removed it can still
 * be sent from its MBean), or at once on an "undefined" event. A host that is down keeps its
 * MBeans.
 */
final class MBeanRegistry implements SnapshotListener, MigrationListener {
  private static final Logger log = LoggerFactory.getLogger(MBeanRegistry.class);
  static final long GRACE_MS = 250;

  private final MBeanServer server;
  private final SnapshotSource source;
  private final Operations operations;
  private final ScheduledExecutorService sweeper;
  private final Map<String, Map<Key, MBeanEntry>> hosts = new HashMap<>();

  MBeanRegistry(
      MBeanServer server,
      SnapshotSource source,
      Operations operations,
      ScheduledExecutorService sweeper) {
    this.server = server;
    this.source = source;
    this.operations = operations;
    this.sweeper = sweeper;
  }

  @Override
  public synchronized void updated(HostSnapshot previous, HostSnapshot current) {
    String h = current.host();
    Map<Key, MBeanEntry> entries = hosts.computeIfAbsent(h, k -> new HashMap<>());
    Set<Key> seen = new HashSet<>(entries.size() * 2 + 16);
    MBeanEntry host = ensure(entries, seen, Key.HOST, () -> hostEntry(h));
    host.watch("Up", "boolean", current.up());
    current.domains().forEach(d -> domain(entries, seen, h, d));
    current.pools().forEach(p -> pool(entries, seen, h, p));
    for (NetworkSnapshot n : current.networks()) {
      MBeanEntry e =
          ensure(
              entries,
              seen,
              new Key('N', "", n.name()),
              () ->
                  entry(
                      ObjectNames.network(h, n.name()),
                      new StorageBeans.Network(source, operations, h, n),
                      NetworkMXBean.class,
                      ObjectEvent.Kind.NETWORK,
                      "Active"));
      e.watch("Active", "boolean", n.active());
      ((StorageBeans.Network) e.bean).seen(n);
    }
    long now = System.nanoTime();
    boolean missing = false;
    for (Map.Entry<Key, MBeanEntry> e : entries.entrySet()) {
      if (!seen.contains(e.getKey()) && e.getValue().missingSince == 0) {
        e.getValue().missingSince = now;
        missing = true;
      }
    }
    if (missing) {
      sweeper.schedule(this::sweep, GRACE_MS + 10, TimeUnit.MILLISECONDS);
    }
  }

  private void domain(
      Map<Key, MBeanEntry> entries, Set<Key> seen, String h, DomainSnapshot d) {
    MBeanEntry e =
        ensure(
            entries,
            seen,
            new Key('D', "", d.name()),
            () ->
                entry(
                    ObjectNames.domain(h, d.name()),
                    new DomainBean(source, operations, h, d),
                    DomainMXBean.class,
                    ObjectEvent.Kind.DOMAIN,
                    "State"));
    e.watch("State", "java.lang.String", d.state().label());
    DomainBean bean = (DomainBean) e.bean;
    bean.seen(d);
    for (DiskStats disk : d.disks()) {
      MBeanEntry diskEntry =
          ensure(
          entries,
          seen,
          new Key('d', d.name(), disk.id()),
          () ->
              entry(
                  ObjectNames.disk(h, d.name(), disk.id()),
                  new DeviceBeans.Disk(bean, disk),
                  DomainDiskMXBean.class,
                  null,
                  null));
      ((DeviceBeans.Disk) diskEntry.bean).seen(disk);
    }
    for (InterfaceStats i : d.interfaces()) {
      MBeanEntry interfaceEntry =
          ensure(
          entries,
          seen,
          new Key('i', d.name(), i.id()),
          () ->
              entry(
                  ObjectNames.networkInterface(h, d.name(), i.id()),
                  new DeviceBeans.Interface(bean, i),
                  DomainInterfaceMXBean.class,
                  null,
                  null));
      ((DeviceBeans.Interface) interfaceEntry.bean).seen(i);
    }
  }

  private void pool(Map<Key, MBeanEntry> entries, Set<Key> seen, String h, PoolSnapshot p) {
    MBeanEntry e =
        ensure(
            entries,
            seen,
            new Key('P', "", p.name()),
            () ->
                entry(
                    ObjectNames.pool(h, p.name()),
                    new StorageBeans.Pool(source, operations, h, p),
                    StoragePoolMXBean.class,
                    ObjectEvent.Kind.POOL,
                    "State"));
    e.watch("State", "java.lang.String", p.state().label());
    StorageBeans.Pool bean = (StorageBeans.Pool) e.bean;
    bean.seen(p);
    for (VolumeSnapshot v : p.volumes()) {
      MBeanEntry volumeEntry =
          ensure(
          entries,
          seen,
          new Key('v', p.name(), v.name()),
          () ->
              entry(
                  ObjectNames.volume(h, p.name(), v.name()),
                  new StorageBeans.Volume(bean, operations, h, v),
                  StorageVolumeMXBean.class,
                  null,
                  null));
      ((StorageBeans.Volume) volumeEntry.bean).seen(v);
    }
  }

  private MBeanEntry hostEntry(String h) {
    ObjectName name = ObjectNames.host(h);
    Notifier notifier = Notifier.ofHost(name);
    HostBean bean = new HostBean(source, operations, h);
    return new MBeanEntry(
        name, bean, new DocumentedMBean<>(bean, HostMXBean.class, notifier), notifier);
  }

  private static <T> MBeanEntry entry(
      ObjectName name, T bean, Class<T> iface, ObjectEvent.Kind kind, String watched) {
    Notifier notifier = kind == null ? null : Notifier.of(name, kind, watched);
    return new MBeanEntry(name, bean, new DocumentedMBean<>(bean, iface, notifier), notifier);
  }

  /**
   * The registered entry of {@code key}, registering it first if new; marks it present. An entry
   * whose registration failed is not kept, so the next snapshot tries again.
   */
  private MBeanEntry ensure(
      Map<Key, MBeanEntry> entries, Set<Key> seen, Key key, Supplier<MBeanEntry> factory) {
    seen.add(key);
    MBeanEntry e = entries.get(key);
    if (e == null) {
      e = factory.get();
      if (register(e)) {
        entries.put(key, e);
      }
    } else {
      e.missingSince = 0;
    }
    return e;
  }

  private boolean register(MBeanEntry e) {
    try {
      server.registerMBean(e.mbean, e.name);
      return true;
    } catch (JMException ex) {
      log.warn(
          "cannot register {} (trying again with the next snapshot): {}", e.name, ex.toString());
      return false;
    }
  }

  /** Sends a migration's phase from the domain's MBean (while it is there) and its host's. */
  @Override
  public synchronized void migration(MigrationEvent event) {
    Map<Key, MBeanEntry> entries = hosts.get(event.host());
    if (entries == null) {
      return;
    }
    String uuid =
        source.host(event.host()).flatMap(h -> h.domain(event.domain())).map(d -> d.uuid()).orElse("");
    MBeanEntry domain = entries.get(new Key('D', "", event.domain()));
    if (domain != null) {
      domain.notifier.migration(event, uuid);
    }
    MBeanEntry host = entries.get(Key.HOST);
    if (host != null) {
      host.notifier.migration(event, uuid);
    }
  }

  @Override
  public synchronized void event(ObjectEvent event) {
    Map<Key, MBeanEntry> entries = hosts.get(event.host());
    if (entries == null) {
      return;
    }
    char kind =
        switch (event.kind()) {
          case DOMAIN -> 'D';
          case POOL -> 'P';
          case NETWORK -> 'N';
          case NODE_DEVICE -> 'V'; // no MBean of its own: the Host MBean's NodeDevices
        };
    Key key = new Key(kind, "", event.name());
    MBeanEntry e = entries.get(key);
    if (e != null) {
      e.notifier.lifecycle(event);
    }
    MBeanEntry host = entries.get(Key.HOST);
    if (host != null) {
      host.notifier.lifecycle(event);
    }
    if (e != null && event.removesObject() && e.missingSince != 0) {
      unregister(e);
      entries.remove(key);
    }
  }

  /** Unregisters what has been missing for at least the grace period. */
  synchronized void sweep() {
    long now = System.nanoTime();
    for (Map<Key, MBeanEntry> entries : hosts.values()) {
      for (Iterator<MBeanEntry> it = entries.values().iterator(); it.hasNext(); ) {
        MBeanEntry e = it.next();
        if (e.missingSince != 0
            && now - e.missingSince >= TimeUnit.MILLISECONDS.toNanos(GRACE_MS)) {
          unregister(e);
          it.remove();
        }
      }
    }
  }

  @Override
  public synchronized void removed(String host) {
    Map<Key, MBeanEntry> entries = hosts.remove(host);
    if (entries != null) {
      entries.values().forEach(this::unregister);
    }
  }

  /** Unregisters every MBean of every host. */
  synchronized void clear() {
    Set.copyOf(hosts.keySet()).forEach(this::removed);
  }

  synchronized int size() {
    return hosts.values().stream().mapToInt(Map::size).sum();
  }

  private void unregister(MBeanEntry e) {
    try {
      server.unregisterMBean(e.name);
    } catch (JMException ex) {
      log.debug("cannot unregister {}: {}", e.name, ex.toString());
    }
  }
}
