/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.NodeCalls;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host's secrets counted by usage type; no value is ever read. None where the driver has no
 * secret support (the test driver).
 */
final class SecretCollector implements Collector<Map<String, Integer>> {
  /** libvirt's {@code virSecretUsageType}, by code. */
  private static final List<String> USAGE = List.of("none", "volume", "ceph", "iscsi", "tls", "vtpm");

  @Override
  public Map<String, Integer> collect(CollectionContext context) {
    Map<String, Integer> out = new TreeMap<>();
    var conn = context.connection().nativeHandle();
    for (int code : Unsupported.orElse(() -> NodeCalls.secretUsageTypes(conn), List.<Integer>of())) {
      out.merge(usage(code), 1, Integer::sum);
    }
    return out;
  }

  static String usage(int code) {
    return code >= 0 && code < USAGE.size() ? USAGE.get(code) : "type" + code;
  }
}
