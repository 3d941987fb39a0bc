/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Background;
import io.virtmx.testbed.HttpGet;
import io.virtmx.testbed.TestNodeGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drop-in compatibility with Debian's prometheus-libvirt-exporter: both run side by side on the
 * same test-driver node; every series the exporter exposes (name and labels) must be in ours once
 * our {@code host} label is removed, with the same TYPE and the same value.
 *
 * <p>Values: the test driver derives its block, interface and CPU-time counters from the wall clock
 * (they grow like {@code k * seconds since the epoch}), so two reads {@code dt} seconds apart
 * differ by about {@code dt / 1.8e9} relatively. Those are compared with a relative tolerance of
 * 1e-6 (a 30-minute gap), which still catches any unit or field mix-up (KiB vs bytes, ns vs s, read
 * vs write differ by far more). Static values (memory, vCPUs, state, domain count, libvirt_up) must
 * be exactly equal.
 */
class ExporterCompatibilityIT {
  private static final Pattern STATIC =
      Pattern.compile(
          "libvirt_up|libvirt_domains_number|libvirt_domain_state_code|libvirt_domain_info_(maximum_memory_bytes|memory_usage_bytes|virtual_cpus)");
  private static final double RELATIVE_TOLERANCE = 1e-6;

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(ints = {0, 40})
  void everyExporterSeriesIsOursWithTheSameValue(int domains) throws Exception {
    String uri =
        domains == 0
            ? "test:///default"
            : TestNodeGenerator.uri(TestNodeGenerator.write(tmp.resolve("node.xml"), domains));
    int expected = domains == 0 ? 1 : domains;
    int ours = AgentProcess.freePort();
    int theirs = AgentProcess.freePort();
    try (Background exporterProcess =
            Background.start(
                tmp.resolve("exporter.log"),
                "prometheus-libvirt-exporter",
                "--web.listen-address=127.0.0.1:" + theirs,
                "--libvirt.uri=" + uri);
        AgentProcess agentProcess =
            AgentProcess.started(
                "--no-jolokia",
                "--connect",
                uri,
                "--interval",
                "1s",
                "--metrics-port",
                Integer.toString(ours))) {
      agentProcess.awaitPage(
          "http://127.0.0.1:" + ours + "/metrics",
          b ->
              b.contains("libvirt_domains_number{host=")
                  && count(b, "libvirt_domain_state_code{") == expected,
          Duration.ofSeconds(60));
      Exposition exporter =
          Exposition.parse(
              exporterProcess.awaitPage(
                  "http://127.0.0.1:" + theirs + "/metrics",
                  b -> b.contains("libvirt_up 1"),
                  Duration.ofSeconds(30)));
      Exposition agent = Exposition.parse(HttpGet.get("http://127.0.0.1:" + ours + "/metrics"));
      compare(exporter, agent, expected);
    }
  }

  private static void compare(Exposition exporter, Exposition agent, int domains) {
    Map<Exposition.Series, Double> ours = new java.util.HashMap<>();
    agent.series().forEach((s, v) -> ours.put(s.without("host"), v));
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (var e : exporter.series().entrySet()) {
      String name = e.getKey().name();
      if (!name.startsWith("libvirt_")) {
        continue;
      }
      compared++;
      Double mine = ours.get(e.getKey());
      if (mine == null) {
        problems.add("missing: " + e.getKey());
      } else if (!agreed(name, e.getValue(), mine)) {
        problems.add(e.getKey() + ": exporter " + e.getValue() + ", virtmx " + mine);
      }
    }
    exporter
        .types()
        .forEach(
            (name, type) -> {
              if (name.startsWith("libvirt_") && !type.equals(agent.types().get(name))) {
                problems.add(
                    "TYPE of "
                        + name
                        + ": exporter "
                        + type
                        + ", virtmx "
                        + agent.types().get(name));
              }
            });
    assertThat(problems).isEmpty();
    // libvirt_up, libvirt_domains_number, then per domain at least: state, 4 info, 4 per disk, 8
    // per interface.
    assertThat(compared).isGreaterThanOrEqualTo(2 + domains * 17);
  }

  private static boolean agreed(String name, double theirs, double mine) {
    if (STATIC.matcher(name).matches()) {
      return theirs == mine;
    }
    return Math.abs(theirs - mine)
        <= RELATIVE_TOLERANCE * Math.max(Math.abs(theirs), Math.abs(mine));
  }

  private static int count(String body, String prefix) {
    int n = 0;
    for (String line : body.split("\n")) {
      if (line.startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }
}
