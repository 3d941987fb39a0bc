/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Optional;

/**
 * The latest snapshot of every watched host, as views read it: they render what is here and never
 * call libvirt. Listeners hear of every new snapshot and of every libvirt event, after the snapshot
 * reflects it.
 */
public interface SnapshotSource {
  List<HostSnapshot> hosts();

  Optional<HostSnapshot> host(String name);

  void addListener(SnapshotListener listener);

  void removeListener(SnapshotListener listener);
}
