/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/** One storage pool and its volumes; sizes are bytes ({@link Values#UNKNOWN} when not reported). */
public record PoolSnapshot(
    String name,
    String uuid,
    String type,
    PoolState state,
    boolean autostart,
    boolean persistent,
    long capacityBytes,
    long allocationBytes,
    long availableBytes,
    String targetPath,
    List<VolumeSnapshot> volumes) {

  public PoolSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(targetPath, "targetPath");
    volumes = List.copyOf(volumes);
  }

  public boolean active() {
    return state.usable();
  }
}
