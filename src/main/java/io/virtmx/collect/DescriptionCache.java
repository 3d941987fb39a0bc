/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.DomainDescription;
import io.virtmx.model.BlockSizes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The slow-changing facts of each domain (its parsed definition and — for drivers whose bulk stats
 * lack them — disk sizes), so a collection does not fetch 1000 XML documents and thousands of
 * rarely changing values every interval. An entry is valid for one run
 * of one domain (the id changes at every start), until an event or an operation about the domain
 * invalidates it, and at most {@code maxAge} (jittered, so entries loaded together do not all
 * expire in the same collection) for changes libvirt sends no event for, such as autostart.
 */
final class DescriptionCache {
  private record Entry(int domainId, Description value, long expiresNanos) {}

  /**
   * A domain's slow-changing facts; {@code diskSizes} by target, empty where the bulk stats carry
   * them.
   */
  record Description(DomainDescription definition, Map<String, BlockSizes> diskSizes) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final long maxAgeNanos;

  DescriptionCache(Duration maxAge) {
    this.maxAgeNanos = maxAge.toNanos();
  }

  Description get(String uuid, int domainId, Supplier<Description> loader) {
    long now = System.nanoTime();
    Entry e = entries.get(uuid);
    if (e == null || e.domainId != domainId || now - e.expiresNanos > 0) {
      long life = maxAgeNanos / 2 + ThreadLocalRandom.current().nextLong(maxAgeNanos / 2 + 1);
      e = new Entry(domainId, loader.get(), now + life);
      entries.put(uuid, e);
    }
    return e.value;
  }

  void invalidate(String uuid) {
    entries.remove(uuid);
  }

  /** Forgets domains that no longer exist. */
  void retainOnly(Set<String> uuids) {
    entries.keySet().retainAll(uuids);
  }
}
