/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.CapabilitiesXml;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.libvirt.NodeCalls;
import java.time.Duration;

/**
 * The host's parsed capabilities, read once per connection and again after {@link #MAX_AGE}: they
 * change only when the host's hardware or emulators do.
 */
final class CapabilitiesCache {
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  private NativeConnect connection;
  private long readAtNanos;
  private CapabilitiesXml.Parsed parsed;

  /** Whether {@link #get} would read libvirt again rather than answer from the cache. */
  synchronized boolean expired(NativeConnect conn) {
    return parsed == null
        || conn != connection
        || System.nanoTime() - readAtNanos > MAX_AGE.toNanos();
  }

  synchronized CapabilitiesXml.Parsed get(NativeConnect conn) {
    if (expired(conn)) {
      parsed = CapabilitiesXml.parse(NodeCalls.capabilitiesXml(conn.nativeHandle()));
      connection = conn;
      readAtNanos = System.nanoTime();
    }
    return parsed;
  }
}
