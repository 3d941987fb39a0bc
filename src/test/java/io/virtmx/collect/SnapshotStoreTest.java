/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.HostSnapshot;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotStoreTest {
  @Test
  void aStaleCopyNeverOverwritesAFresherSnapshot() {
    SnapshotStore store = new SnapshotStore();
    HostSnapshot first = HostSnapshot.unreachable("h1", "test:///default", Instant.EPOCH, Map.of());
    store.publish(first);
    // The watchdog read `first`; meanwhile the slow collection finished and published `fresh`.
    HostSnapshot fresh = first.withErrors(Map.of("pool", 1L));
    store.publish(fresh);
    HostSnapshot staleCopy = first.markedStale(true, Instant.now(), Map.of("timeout", 1L));

    assertThat(store.replace(first, staleCopy)).isFalse();
    assertThat(store.host("h1")).containsSame(fresh);
  }

  @Test
  void replacesTheSnapshotItWasMadeFrom() {
    SnapshotStore store = new SnapshotStore();
    HostSnapshot first = HostSnapshot.unreachable("h1", "test:///default", Instant.EPOCH, Map.of());
    store.publish(first);
    HostSnapshot stale = first.markedStale(true, Instant.now(), Map.of("timeout", 1L));

    assertThat(store.replace(first, stale)).isTrue();
    assertThat(store.host("h1")).containsSame(stale);
    assertThat(store.hosts()).containsExactly(stale);
  }
}
