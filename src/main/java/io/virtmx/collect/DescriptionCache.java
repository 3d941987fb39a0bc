package io.virtmx.collect;

import io.virtmx.libvirt.DomainDescription;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parsed domain definitions, so a collection does not fetch and parse 1000 XML documents that have not changed.
 * An entry is valid for one run of one domain (its id changes at every start), until an event about the domain
 * invalidates it, and at most {@code maxAge} as a safety net for changes libvirt sends no event for.
 */
final class DescriptionCache {
  private record Entry(int domainId, Description value, long loadedNanos) {}

  /** A definition and the persistence flag, which changes only with define/undefine events. */
  record Description(DomainDescription definition, boolean persistent) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final long maxAgeNanos;

  DescriptionCache(Duration maxAge) {
    this.maxAgeNanos = maxAge.toNanos();
  }

  Description get(String uuid, int domainId, Supplier<Description> loader) {
    long now = System.nanoTime();
    Entry e = entries.get(uuid);
    if (e == null || e.domainId != domainId || now - e.loadedNanos > maxAgeNanos) {
      e = new Entry(domainId, loader.get(), now);
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
