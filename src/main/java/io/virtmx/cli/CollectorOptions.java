/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.collect.CollectorRegistry;
import io.virtmx.config.DomainOptions;
import io.virtmx.config.Durations;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --collector NAME} and {@code --no-collector NAME}: switch one collector on or off, the
 * last switch of a name winning (so the command line overrides the config file).
 */
public final class CollectorOptions {
  private final Map<String, Boolean> switches = new HashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> labelNamespaces = new LinkedHashMap<>();

  @Option(
      names = "--guest-interval",
      paramLabel = "DURATION",
      description = {
        "How often to ask each running guest's agent for its OS, hostname, users, file systems "
            + "and addresses, apart from the statistics (default: 60s)."
      })
  String guestInterval = "60s";

  @Option(
      names = "--guest-timeout",
      paramLabel = "DURATION",
      description = {
        "How long one guest's agent may take to answer before the domain is marked as having no "
            + "agent (guest_agent_up 0) until the next round; other domains never wait for it "
            + "(default: 5s)."
      })
  String guestTimeout = "5s";

  @Option(
      names = "--label",
      paramLabel = "NAME=XPATH",
      description = {
        "Map a domain metadata element to a label of libvirt_domain_metadata_info and the Domain "
            + "MBean's Labels; the XPath is evaluated on <metadata> (e.g. "
            + "team=string(app:app/app:team)); repeatable. OpenStack Nova's instance, flavor, "
            + "project(_uuid) and user(_uuid) are recognised without it."
      })
  void label(String mapping) {
    String[] kv = split(mapping, "--label", "NAME=XPATH");
    labels.put(kv[0], kv[1]);
  }

  @Option(
      names = "--label-namespace",
      paramLabel = "PREFIX=URI",
      description = {"A namespace prefix the --label XPaths may use; repeatable."})
  void labelNamespace(String mapping) {
    String[] kv = split(mapping, "--label-namespace", "PREFIX=URI");
    labelNamespaces.put(kv[0], kv[1]);
  }

  private static String[] split(String mapping, String option, String form) {
    int eq = mapping.indexOf('=');
    if (eq <= 0 || eq == mapping.length() - 1) {
      throw new IllegalArgumentException(option + " " + mapping + ": want " + form);
    }
    return new String[] {mapping.substring(0, eq).trim(), mapping.substring(eq + 1).trim()};
  }

  /** The guest-agent and metadata-label options given. */
  DomainOptions domainOptions() {
    return new DomainOptions(
        Durations.parse(guestInterval), Durations.parse(guestTimeout), labels, labelNamespaces);
  }

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
