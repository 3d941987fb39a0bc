/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.Descriptions;

/** One volume of a storage pool. */
@Doc("A volume of a libvirt storage pool: path, sizes; delete and resize")
public interface StorageVolumeMXBean {
  @Doc("Volume name")
  String getName();

  @Doc("Name of the pool the volume is in")
  String getPool();

  @Doc("Volume key (unique on the host)")
  String getKey();

  @Doc("Path on the host")
  String getPath();

  @Doc("Volume type: file, block, dir, network, netdir, ploop")
  String getType();

  @Doc(value = Descriptions.VOLUME_CAPACITY, units = "bytes")
  long getCapacityBytes();

  @Doc(value = Descriptions.VOLUME_ALLOCATION, units = "bytes")
  long getAllocationBytes();

  @Doc("Deletes the volume and its data (only in a pool whose target lies inside a --disk-dir)")
  void delete();

  @Doc("Resizes the volume (only in a pool whose target lies inside a --disk-dir)")
  void resize(
      @Param(name = "capacityBytes", value = "New size", units = "bytes") long capacityBytes);
}
