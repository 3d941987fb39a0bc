/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.ObjectEvent;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The hosts of an operations test: one host named {@code h} on one real connection; what an
 * operation says it changed goes to {@code changes}.
 */
record OneHost(NativeConnect conn, BiConsumer<ObjectEvent.Kind, String> changes)
    implements HostConnections {

  /** One host whose changes nobody watches. */
  static OneHost of(NativeConnect conn) {
    return new OneHost(conn, (kind, name) -> {});
  }

  @Override
  public Optional<NativeConnect> connection(String host) {
    return Optional.of(conn);
  }

  @Override
  public boolean knows(String host) {
    return host.equals("h");
  }

  @Override
  public void refreshSoon(String host) {}

  @Override
  public void changed(String host, ObjectEvent.Kind kind, String name) {
    changes.accept(kind, name);
  }
}
