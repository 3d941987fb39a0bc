/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.VolumeSnapshot;
import java.util.List;

/**
 * Storage pools and their volumes: {@code
 * libvirt_storage_pool_available_bytes{host="hv1",pool="default"}}.
 */
final class StorageMetrics implements SnapshotBinder {
  static final Family POOL_STATE =
      gauge(
          "libvirt_storage_pool_state",
          null,
          "State of the pool (0 inactive, 1 building, 2 running, 3 degraded, 4 inaccessible).");
  static final Family POOL_CAPACITY =
      gauge(
          "libvirt_storage_pool_capacity_bytes",
          "bytes",
          Descriptions.POOL_CAPACITY + ", in bytes.");
  static final Family POOL_ALLOCATION =
      gauge(
          "libvirt_storage_pool_allocation_bytes",
          "bytes",
          Descriptions.POOL_ALLOCATION + ", in bytes.");
  static final Family POOL_AVAILABLE =
      gauge(
          "libvirt_storage_pool_available_bytes",
          "bytes",
          Descriptions.POOL_AVAILABLE + ", in bytes.");
  static final Family POOL_AUTOSTART =
      gauge("libvirt_storage_pool_autostart", null, "1 if the pool starts with libvirtd.");
  static final Family POOL_INFO =
      info("libvirt_storage_pool", "Pool definition: UUID, type, target path, persistent.");
  static final Family VOL_CAPACITY =
      gauge(
          "libvirt_storage_volume_capacity_bytes",
          "bytes",
          Descriptions.VOLUME_CAPACITY + ", in bytes.");
  static final Family VOL_ALLOCATION =
      gauge(
          "libvirt_storage_volume_allocation_bytes",
          "bytes",
          Descriptions.VOLUME_ALLOCATION + ", in bytes.");
  static final Family VOL_INFO = info("libvirt_storage_volume", "Volume facts: type, path.");

  @Override
  public List<Family> families() {
    return List.of(
        POOL_STATE,
        POOL_CAPACITY,
        POOL_ALLOCATION,
        POOL_AVAILABLE,
        POOL_AUTOSTART,
        POOL_INFO,
        VOL_CAPACITY,
        VOL_ALLOCATION,
        VOL_INFO);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (PoolSnapshot p : host.pools()) {
      Labels l = out.labels("pool", p.name());
      out.value(POOL_STATE, l, p.state().code());
      out.value(POOL_AUTOSTART, l, p.autostart() ? 1 : 0);
      out.info(
          POOL_INFO,
          l.merge(
              new String[] {"pool_uuid", "type", "path", "persistent"},
              new String[] {
                text(p.uuid()),
                text(p.type()),
                text(p.targetPath()),
                Boolean.toString(p.persistent())
              }));
      if (!p.active()) {
        continue;
      }
      out.reported(POOL_CAPACITY, l, p.capacityBytes(), 1);
      out.reported(POOL_ALLOCATION, l, p.allocationBytes(), 1);
      out.reported(POOL_AVAILABLE, l, p.availableBytes(), 1);
      for (VolumeSnapshot v : p.volumes()) {
        Labels vl = l.add("volume", v.name());
        out.reported(VOL_CAPACITY, vl, v.capacityBytes(), 1);
        out.reported(VOL_ALLOCATION, vl, v.allocationBytes(), 1);
        out.info(
            VOL_INFO,
            vl.merge(new String[] {"type", "path"}, new String[] {text(v.type()), text(v.path())}));
      }
    }
  }
}
