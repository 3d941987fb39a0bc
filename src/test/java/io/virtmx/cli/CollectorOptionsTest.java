/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --collector} and {@code --no-collector}: the last switch of a name wins, names checked.
 */
class CollectorOptionsTest {
  private static Map<String, Boolean> switches(String... args) {
    Main main = new Main();
    new CommandLine(main).setOverwrittenOptionsAllowed(true).parseArgs(args);
    return main.collectors.switches();
  }

  @Test
  void theLastSwitchOfANameWins() {
    assertThat(switches()).isEmpty();
    assertThat(
            switches(
                "--no-collector", "pools", "--no-collector", "networks", "--collector", "pools"))
        .isEqualTo(Map.of("pools", true, "networks", false));
  }

  @Test
  void anUnknownCollectorIsAnInvalidOptionListingTheKnownOnes() {
    assertThat(Refused.stderr("--once", "--no-collector", "disks"))
        .contains(
            "virtmx: unknown collector disks; known collectors: node, domains, pools, networks, numa,"
                + " capabilities, interfaces, nodedevices, nwfilters, secrets, cpus");
  }
}
