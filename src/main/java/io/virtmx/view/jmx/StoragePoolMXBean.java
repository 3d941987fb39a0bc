/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.Descriptions;

/** A libvirt storage pool: sizes, state and operations. */
@Doc(
    "A libvirt storage pool: capacity, allocation, state and its operations. Emits libvirt.pool.lifecycle.* "
        + "notifications and an attribute change notification when State changes")
public interface StoragePoolMXBean {
  @Doc("Pool name")
  String getName();

  @Doc("Pool UUID")
  String getUuid();

  @Doc("Pool type: dir, logical, netfs, iscsi…")
  String getType();

  @Doc("State: inactive, building, running, degraded, inaccessible")
  String getState();

  @Doc("State as libvirt's virStoragePoolState code (0 inactive, 2 running…)")
  int getStateCode();

  @Doc("Whether the pool is running")
  boolean isActive();

  @Doc("Whether the pool has a persistent definition")
  boolean isPersistent();

  @Doc("Whether the pool starts with the host; change with setAutostart")
  boolean isAutostart();

  @Doc(value = Descriptions.POOL_CAPACITY, units = "bytes")
  long getCapacityBytes();

  @Doc(value = Descriptions.POOL_ALLOCATION, units = "bytes")
  long getAllocationBytes();

  @Doc(value = Descriptions.POOL_AVAILABLE, units = "bytes")
  long getAvailableBytes();

  @Doc("Target path, e.g. /var/lib/libvirt/images")
  String getTargetPath();

  @Doc("Number of volumes")
  int getVolumeCount();

  @Doc("Volume names; each volume has a StorageVolume MBean")
  String[] getVolumes();

  @Doc("Starts (activates) the pool")
  void start();

  @Doc("Stops (deactivates) the pool; its data is kept")
  void stop();

  @Doc("Rescans the pool's volumes")
  void refresh();

  @Doc("Creates a volume in the pool (only a pool whose target lies inside a --disk-dir); returns its path")
  String createVolume(
      @Param(name = "name", value = "Volume name") String name,
      @Param(name = "capacityBytes", value = "Size", units = "bytes") long capacityBytes,
      @Param(name = "format", value = "Format: raw, qcow2, qed, vmdk, vdi or vpc; empty for raw")
          String format);

  @Doc(value = "Sets whether the pool starts with the host", operation = true)
  void setAutostart(
      @Param(name = "autostart", value = "true to start with the host") boolean autostart);
}
