/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.VolumeSnapshot;
import io.virtmx.ops.Operations;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The StoragePool, StorageVolume and Network MBeans: latest snapshot on every get, operations
 * forwarded.
 */
final class StorageBeans {
  private StorageBeans() {}

  /**
   * An object of a host by name (pool, network): the operations service, and its latest version in
   * the store, or the last seen once it is gone.
   */
  private abstract static class HostObject<T> {
    final Operations ops;
    final String host;
    final String name;
    private final Latest<T> latest;

    HostObject(
        SnapshotSource source,
        Operations ops,
        String host,
        String name,
        T initial,
        BiFunction<HostSnapshot, String, Optional<T>> find) {
      this.ops = ops;
      this.host = host;
      this.name = name;
      this.latest =
          new Latest<>(initial, () -> source.host(host).flatMap(h -> find.apply(h, name)));
    }

    T current() {
      return latest.get();
    }

    /** Records the object's version in the snapshot just published. */
    void seen(T object) {
      latest.seen(object);
    }

    public String getName() {
      return name;
    }
  }

  /** A storage pool by name. */
  static final class Pool extends HostObject<PoolSnapshot> implements StoragePoolMXBean {
    Pool(SnapshotSource source, Operations ops, String host, PoolSnapshot initial) {
      super(source, ops, host, initial.name(), initial, HostSnapshot::pool);
    }

    PoolSnapshot p() {
      return current();
    }

    @Override
    public String getUuid() {
      return p().uuid();
    }

    @Override
    public String getType() {
      return p().type();
    }

    @Override
    public String getState() {
      return p().state().label();
    }

    @Override
    public int getStateCode() {
      return p().state().code();
    }

    @Override
    public boolean isActive() {
      return p().active();
    }

    @Override
    public boolean isPersistent() {
      return p().persistent();
    }

    @Override
    public boolean isAutostart() {
      return p().autostart();
    }

    @Override
    public long getCapacityBytes() {
      return p().capacityBytes();
    }

    @Override
    public long getAllocationBytes() {
      return p().allocationBytes();
    }

    @Override
    public long getAvailableBytes() {
      return p().availableBytes();
    }

    @Override
    public String getTargetPath() {
      return p().targetPath();
    }

    @Override
    public int getVolumeCount() {
      return p().volumes().size();
    }

    @Override
    public String[] getVolumes() {
      return p().volumes().stream().map(VolumeSnapshot::name).toArray(String[]::new);
    }

    @Override
    public void start() {
      ops.pools().start(JmxCallers.current(), host, name);
    }

    @Override
    public void stop() {
      ops.pools().stop(JmxCallers.current(), host, name);
    }

    @Override
    public void refresh() {
      ops.pools().refresh(JmxCallers.current(), host, name);
    }

    @Override
    public String createVolume(String volume, long capacityBytes, String format) {
      return ops.pools()
          .createVolume(JmxCallers.current(), host, name, volume, capacityBytes, format);
    }

    @Override
    public void setAutostart(boolean autostart) {
      ops.pools().setAutostart(JmxCallers.current(), host, name, autostart);
    }
  }

  /** A volume of a pool by name. */
  static final class Volume implements StorageVolumeMXBean {
    private final Pool pool;
    private final Operations ops;
    private final String host;
    private final String name;
    private final Latest<VolumeSnapshot> latest;

    Volume(Pool pool, Operations ops, String host, VolumeSnapshot initial) {
      this.pool = pool;
      this.ops = ops;
      this.host = host;
      this.name = initial.name();
      this.latest =
          new Latest<>(
              initial,
              () -> pool.p().volumes().stream().filter(v -> v.name().equals(name)).findFirst());
    }

    private VolumeSnapshot v() {
      return latest.get();
    }

    /** Records the volume's version in the snapshot just published. */
    void seen(VolumeSnapshot volume) {
      latest.seen(volume);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getPool() {
      return pool.getName();
    }

    @Override
    public String getKey() {
      return v().key();
    }

    @Override
    public String getPath() {
      return v().path();
    }

    @Override
    public String getType() {
      return v().type();
    }

    @Override
    public long getCapacityBytes() {
      return v().capacityBytes();
    }

    @Override
    public long getAllocationBytes() {
      return v().allocationBytes();
    }

    @Override
    public void delete() {
      ops.pools().deleteVolume(JmxCallers.current(), host, pool.getName(), name);
    }

    @Override
    public void resize(long capacityBytes) {
      ops.pools().resizeVolume(JmxCallers.current(), host, pool.getName(), name, capacityBytes);
    }
  }

  /** A virtual network by name. */
  static final class Network extends HostObject<NetworkSnapshot> implements NetworkMXBean {
    Network(SnapshotSource source, Operations ops, String host, NetworkSnapshot initial) {
      super(source, ops, host, initial.name(), initial, HostSnapshot::network);
    }

    private NetworkSnapshot n() {
      return current();
    }

    @Override
    public String getUuid() {
      return n().uuid();
    }

    @Override
    public boolean isActive() {
      return n().active();
    }

    @Override
    public boolean isPersistent() {
      return n().persistent();
    }

    @Override
    public boolean isAutostart() {
      return n().autostart();
    }

    @Override
    public String getBridge() {
      return n().bridge();
    }

    @Override
    public String getForwardMode() {
      return n().forwardMode();
    }

    @Override
    public int getDhcpLeases() {
      return n().dhcpLeases();
    }

    @Override
    public void start() {
      ops.networks().start(JmxCallers.current(), host, name);
    }

    @Override
    public void stop() {
      ops.networks().stop(JmxCallers.current(), host, name);
    }

    @Override
    public void setAutostart(boolean autostart) {
      ops.networks().setAutostart(JmxCallers.current(), host, name, autostart);
    }
  }
}
