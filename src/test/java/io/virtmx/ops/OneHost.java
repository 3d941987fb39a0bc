/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.testbed.TestNodeGenerator;
import io.virtmx.model.ObjectEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The hosts of an operations test: one host named {@code h} on one real connection; what an
 * operation says it changed goes to {@code changes}.
 */
record OneHost(NativeConnect conn, BiConsumer<ObjectEvent.Kind, String> changes)
    implements HostConnections {

  /** A connection to a new one-domain test node written into {@code dir}. */
  static NativeConnect testNode(Path dir) throws Exception {
    return new NativeConnect(
        TestNodeGenerator.uri(TestNodeGenerator.write(dir.resolve("node.xml"), 1)), false);
  }

  /**
   * A new directory {@code name} in {@code dir}'s closed parent {@code root-owned} (rwxr-xr-x, as
   * the agent asks of a --disk-dir's or --save-dir's parent), made with the parent if need be.
   */
  static Path closedDir(Path dir, String name) throws IOException {
    Path parent = dir.resolve("root-owned");
    if (!Files.isDirectory(parent)) {
      Files.createDirectory(parent);
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return Files.createDirectory(parent.resolve(name));
  }

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
