/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** Builds a {@link VolumeSnapshot}: a file volume whose key is its path unless set. */
public final class VolumeBuilder extends SnapshotBuilder<VolumeBuilder> {
  private final String name;
  private String key;
  private String path = "";
  private long[] sizes = unknown(2);

  VolumeBuilder(String name) {
    this.name = name;
  }

  public VolumeBuilder path(String value) {
    return set(() -> path = value);
  }

  public VolumeBuilder key(String value) {
    return set(() -> key = value);
  }

  public VolumeBuilder sizes(long capacityBytes, long allocationBytes) {
    return set(() -> sizes = new long[] {capacityBytes, allocationBytes});
  }

  public VolumeSnapshot build() {
    return new VolumeSnapshot(name, key == null ? path : key, path, "file", sizes[0], sizes[1]);
  }
}
