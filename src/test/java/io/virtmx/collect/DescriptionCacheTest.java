/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.libvirt.DomainDescription;
import io.virtmx.model.OsInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DescriptionCacheTest {
  private final AtomicInteger loads = new AtomicInteger();

  private DescriptionCache.Description load() {
    loads.incrementAndGet();
    return new DescriptionCache.Description(
        new DomainDescription(
            "d",
            "u",
            "kvm",
            OsInfo.UNKNOWN,
            1,
            1,
            1,
            1,
            List.of(),
            List.of(),
            List.of(),
            io.virtmx.model.DomainMetadata.NONE,
            List.of()),
        Map.of());
  }

  @Test
  void loadsOncePerDomainRun() {
    DescriptionCache cache = new DescriptionCache(Duration.ofHours(1));

    cache.get("u", 5, this::load);
    cache.get("u", 5, this::load);
    assertThat(loads).hasValue(1);

    cache.get("u", 6, this::load); // restarted: new id, definition may differ (target devices)
    assertThat(loads).hasValue(2);
  }

  @Test
  void invalidationAndExpiryReload() throws InterruptedException {
    DescriptionCache cache = new DescriptionCache(Duration.ofMillis(20));
    cache.get("u", 1, this::load);
    cache.invalidate("u");
    cache.get("u", 1, this::load);
    assertThat(loads).hasValue(2);

    Thread.sleep(30);
    cache.get("u", 1, this::load);
    assertThat(loads).hasValue(3);
  }

  @Test
  void forgetsDomainsThatAreGone() {
    DescriptionCache cache = new DescriptionCache(Duration.ofHours(1));
    cache.get("a", 1, this::load);
    cache.get("b", 1, this::load);
    cache.retainOnly(Set.of("b"));

    cache.get("a", 1, this::load);
    cache.get("b", 1, this::load);
    assertThat(loads).hasValue(3);
  }
}
