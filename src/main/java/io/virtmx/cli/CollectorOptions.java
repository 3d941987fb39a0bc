/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.collect.CollectorRegistry;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --collector NAME} and {@code --no-collector NAME}: switch one collector on or off, the
 * last switch of a name winning (so the command line overrides the config file).
 */
public final class CollectorOptions {
  private final Map<String, Boolean> switches = new HashMap<>();

  @Option(
      names = "--collector",
      paramLabel = "NAME",
      description = {
        "Run this collector; repeatable. Collectors: node, domains, pools, networks, numa, "
            + "capabilities, interfaces, nodedevices, nwfilters, secrets (on by default), cpus "
            + "(per-CPU time, off by default)."
      })
  void enable(String name) {
    switches.put(name, true);
  }

  @Option(
      names = "--no-collector",
      paramLabel = "NAME",
      description = {
        "Do not run this collector; repeatable. Its objects are then absent from the snapshot and "
            + "every view (no MBeans, series or instances for them)."
      })
  void disable(String name) {
    switches.put(name, false);
  }

  /**
   * The switches given, name to on or off.
   *
   * @throws IllegalArgumentException naming the known collectors when a switch names none
   */
  Map<String, Boolean> switches() {
    CollectorRegistry.standard().enabled(switches);
    return Map.copyOf(switches);
  }
}
