/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * One mounted file system inside a guest as its agent reports it: mount point, type, the guest's
 * devices under it, total and used bytes ({@link Values#UNKNOWN} when the agent gave none).
 */
public record GuestFilesystem(
    String mountPoint, String type, List<String> devices, long totalBytes, long usedBytes) {

  public GuestFilesystem {
    Objects.requireNonNull(mountPoint, "mountPoint");
    Objects.requireNonNull(type, "type");
    devices = List.copyOf(devices);
  }
}
