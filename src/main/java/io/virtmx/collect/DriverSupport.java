/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which optional per-domain calls the host's driver does not implement, learnt from its first "not
 * supported" answer, so later collections skip them instead of paying a failing round trip per
 * domain each time (the test driver lacks block stats with flags and job info; 1000 domains would
 * cost 3000 wasted calls). Forgotten when the connection changes: a restarted libvirtd may be a
 * newer one.
 */
final class DriverSupport {
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private Object connection;

  synchronized void useConnection(Object current) {
    if (current != connection) {
      missing.clear();
      connection = current;
    }
  }

  boolean lacks(String call) {
    return missing.contains(call);
  }

  void markMissing(String call) {
    missing.add(call);
  }
}
