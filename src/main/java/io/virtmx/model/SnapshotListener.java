/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Told of changes in a {@link SnapshotSource}. Calls come from collector threads: return quickly.
 */
public interface SnapshotListener {
  /** A new snapshot of a host was published; {@code previous} is null the first time. */
  void updated(HostSnapshot previous, HostSnapshot current);

  /** libvirt reported an event; the snapshot already reflects it where a refresh could. */
  default void event(ObjectEvent event) {}

  /** The host is no longer watched. */
  default void removed(String host) {}
}
