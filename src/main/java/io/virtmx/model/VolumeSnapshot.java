/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * One storage volume: {@code type} as libvirt names it (file, block, dir, network, netdir, ploop);
 * sizes bytes.
 */
public record VolumeSnapshot(
    String name, String key, String path, String type, long capacityBytes, long allocationBytes) {
  public VolumeSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }
}
