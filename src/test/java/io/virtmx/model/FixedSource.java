/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A snapshot source holding one host for view tests, publishing replacements to its listeners. */
public final class FixedSource implements SnapshotSource {
  private HostSnapshot current;
  private final List<SnapshotListener> listeners = new ArrayList<>();

  public FixedSource(HostSnapshot current) {
    this.current = current;
  }

  /** Makes {@code next} the latest snapshot and tells the listeners, as the store does. */
  public void publish(HostSnapshot next) {
    HostSnapshot previous = current;
    current = next;
    listeners.forEach(l -> l.updated(previous, next));
  }

  @Override
  public List<HostSnapshot> hosts() {
    return List.of(current);
  }

  @Override
  public Optional<HostSnapshot> host(String name) {
    return Optional.of(current).filter(h -> h.host().equals(name));
  }

  @Override
  public void addListener(SnapshotListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(SnapshotListener listener) {
    listeners.remove(listener);
  }
}
