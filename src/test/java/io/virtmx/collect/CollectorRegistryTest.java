/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {
  private final CollectorRegistry registry = CollectorRegistry.standard();

  @Test
  void everyCollectorButPerCpuTimeRunsByDefaultInOrder() {
    assertThat(registry.names())
        .containsExactly(
            "node",
            "domains",
            "pools",
            "networks",
            "numa",
            "capabilities",
            "interfaces",
            "nodedevices",
            "nwfilters",
            "secrets",
            "cpus");
    assertThat(registry.defaults())
        .containsExactly(
            "node",
            "domains",
            "pools",
            "networks",
            "numa",
            "capabilities",
            "interfaces",
            "nodedevices",
            "nwfilters",
            "secrets");
  }

  @Test
  void switchesTurnCollectorsOffAndOn() {
    assertThat(registry.enabled(Map.of("pools", false, "node", true, "cpus", true, "numa", false)))
        .containsExactly(
            "node",
            "domains",
            "networks",
            "capabilities",
            "interfaces",
            "nodedevices",
            "nwfilters",
            "secrets",
            "cpus");
  }

  @Test
  void anUnknownNameIsAnErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> registry.enabled(Map.of("disks", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown collector disks; known collectors: node, domains, pools, networks, numa, "
                + "capabilities, interfaces, nodedevices, nwfilters, secrets, cpus");
  }
}
