/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VM-MIB's {@code vmIndex} of each domain UUID, kept for the domain's life in the agent and never
 * given to another; when rows came or went ({@code vmTableLastChange}); and since when the agent
 * has seen each domain running ({@code vmUpTime}). Times are hundredths of a second since start.
 */
final class VmIndexes {
  private final long startNanos = System.nanoTime();
  private final Map<String, Integer> indexes = new HashMap<>();
  private final Map<String, Long> runningSince = new HashMap<>();
  private final Map<String, Integer> removed =
      new java.util.LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > 256;
        }
      };
  private int nextIndex = 1;
  private long lastChange;

  /** Takes the domains of the latest snapshots into account. */
  synchronized void update(List<HostSnapshot> hosts) {
    Set<String> present = new HashSet<>();
    boolean changed = false;
    long now = ticks();
    for (Guest g : Guest.all(hosts)) {
      DomainSnapshot d = g.domain();
      present.add(d.uuid());
      if (!indexes.containsKey(d.uuid())) {
        indexes.put(d.uuid(), nextIndex++);
        changed = true;
      }
      if (d.active()) {
        runningSince.putIfAbsent(d.uuid(), now);
      } else {
        runningSince.remove(d.uuid());
      }
    }
    for (var it = indexes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Integer> e = it.next();
      if (!present.contains(e.getKey())) {
        removed.put(e.getKey(), e.getValue());
        it.remove();
        changed = true;
      }
    }
    runningSince.keySet().retainAll(present);
    if (changed) {
      lastChange = now;
    }
  }

  /** The index of a UUID, 0 if the agent has not seen it. */
  synchronized int index(String uuid) {
    return indexes.getOrDefault(uuid, 0);
  }

  /** The index a UUID has or had lately (for the notification of its removal), 0 if none. */
  synchronized int indexOrLast(String uuid) {
    Integer index = indexes.get(uuid);
    return index != null ? index : removed.getOrDefault(uuid, 0);
  }

  synchronized long lastChange() {
    return lastChange;
  }

  /** How long the agent has seen the domain active, in hundredths of a second. */
  synchronized long upTime(String uuid) {
    Long since = runningSince.get(uuid);
    return since == null ? 0 : ticks() - since;
  }

  /** Hundredths of a second since the agent started. */
  long ticks() {
    return (System.nanoTime() - startNanos) / 10_000_000L;
  }
}
