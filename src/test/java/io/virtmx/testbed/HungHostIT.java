/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hung host never delays the others: with hv2's libvirtd stopped (SIGSTOP: its socket accepts,
 * nothing answers), the local host's snapshot stays fresh ({@code
 * virtmx_last_success_timestamp_seconds} keeps moving), hv2's is marked stale, /metrics keeps
 * answering, and hv2 is collected again once its daemon continues.
 */
class HungHostIT {
  private static final Path HV2_LIBVIRTD_PID =
      Path.of("/run/virtmx-testbed/hv2-run-libvirt/libvirtd.pid");
  private static TestBedEnv bed;

  @BeforeAll
  static void bed() {
    bed = TestBedEnv.get();
  }

  @Test
  void theOtherHostStaysFreshWhileOneHangs() throws Exception {
    String host = bed.hostName();
    String hv2 = bed.hv2Name();
    int port = AgentProcess.freePort();
    String hv2Daemon = Files.readString(HV2_LIBVIRTD_PID).strip();
    try (AgentProcess agent =
        AgentProcess.started(
            "--connect",
            bed.hostUri(),
            "--connect",
            bed.hv2TlsUri(),
            "--interval",
            "1s",
            "--timeout",
            "3s",
            "--metrics-port",
            String.valueOf(port),
            "--no-jolokia")) {
      String url = "http://127.0.0.1:" + port + "/metrics";
      agent.awaitPage(
          url,
          body -> value(body, "libvirt_up", hv2) == 1 && value(body, "libvirt_up", host) == 1,
          Duration.ofSeconds(60));
      signal("STOP", hv2Daemon);
      try {
        Await.until(
            "hv2 marked stale while its daemon hangs",
            () -> value(HttpGet.get(url), "virtmx_snapshot_stale", hv2),
            v -> v == 1,
            Duration.ofSeconds(30));
        // The local host's last success keeps moving: five distinct values over the next seconds,
        // each scrape answering while hv2 hangs.
        List<Double> seen = new ArrayList<>();
        Await.until(
            "the local host collected again and again while hv2 hangs (seen " + seen + ")",
            () -> {
              double t = value(HttpGet.get(url), "virtmx_last_success_timestamp_seconds", host);
              if (seen.isEmpty() || seen.get(seen.size() - 1) != t) {
                seen.add(t);
              }
              return seen.size();
            },
            n -> n >= 5,
            Duration.ofSeconds(20));
        assertThat(value(HttpGet.get(url), "virtmx_snapshot_stale", host)).isZero();
        assertThat(value(HttpGet.get(url), "virtmx_snapshot_stale", hv2)).isEqualTo(1);
      } finally {
        signal("CONT", hv2Daemon);
      }
      agent.awaitPage(
          url,
          body ->
              value(body, "virtmx_snapshot_stale", hv2) == 0
                  && value(body, "libvirt_up", hv2) == 1,
          Duration.ofSeconds(90));
      assertThat(agent.alive()).isTrue();
    }
  }

  private static double value(String exposition, String name, String host) {
    OptionalDouble v = TestBedEnv.metric(exposition, name, "host", host);
    return v.orElse(Double.NaN);
  }

  private static void signal(String signal, String pid) throws Exception {
    int rc = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
    assertThat(rc).as("kill -%s %s", signal, pid).isZero();
  }
}
