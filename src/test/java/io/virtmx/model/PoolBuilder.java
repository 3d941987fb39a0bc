/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link PoolSnapshot}: a running, persistent, autostarted directory pool. */
public final class PoolBuilder extends NamedBuilder<PoolBuilder> {
  private long[] sizes = unknown(3);
  private String targetPath = "";
  private final List<VolumeSnapshot> volumes = new ArrayList<>();

  PoolBuilder(String name) {
    super(name);
  }

  public PoolBuilder sizes(long capacityBytes, long allocationBytes, long availableBytes) {
    return set(() -> sizes = new long[] {capacityBytes, allocationBytes, availableBytes});
  }

  public PoolBuilder path(String value) {
    return set(() -> targetPath = value);
  }

  public PoolBuilder volume(VolumeBuilder value) {
    return set(() -> volumes.add(value.build()));
  }

  public PoolSnapshot build() {
    return new PoolSnapshot(
        name,
        uuid,
        "dir",
        PoolState.RUNNING,
        true,
        true,
        sizes[0],
        sizes[1],
        sizes[2],
        targetPath,
        volumes);
  }
}
