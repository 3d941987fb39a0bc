/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.MetricsPage;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * libvirtd going away while the agent runs: the agent logs the loss, keeps running, reconnects by
 * itself once libvirtd is back and resumes collecting, without a restart; scrapers see {@code
 * libvirt_up} 0 and {@code virtmx_snapshot_stale} 1 meanwhile, and 1 and 0 again afterwards.
 */
class ReconnectIT {
  private static final String COLLECTED = "collected \\d+ domains";
  private static final Duration STATE = Duration.ofSeconds(10);

  /** libvirt_up and virtmx_snapshot_stale of the one host, as a scraper sees them. */
  private static Predicate<String> upAndStale(int up, int stale) {
    return MetricsPage.sample("libvirt_up", up)
        .and(MetricsPage.sample("virtmx_snapshot_stale", stale));
  }

  @Test
  void agentReconnectsAfterLibvirtdRestart() {
    TestBed.ensureLibvirtd();
    int port = AgentProcess.freePort();
    String metrics = "http://127.0.0.1:" + port + "/metrics";
    try (AgentProcess agent =
        AgentArgs.watching(TestBed.QEMU_URI, "1s")
            .metrics(port)
            .add("--log-level", "debug")
            .start()) {
      int at = agent.awaitLog(COLLECTED, 0, Duration.ofSeconds(60));
      agent.awaitPage(metrics, upAndStale(1, 0), STATE);

      TestBed.exec("pkill", "-TERM", "-x", "libvirtd");
      at = agent.awaitLog("lost connection to libvirt", at, Duration.ofSeconds(30));
      agent.awaitPage(metrics, upAndStale(0, 1), STATE);
      // Down long enough for several failed attempts (1, 2, 4 s backoff): retrying must go on.
      TestBed.sleep(Duration.ofSeconds(5));
      assertThat(TestBed.libvirtdAnswers()).as("libvirtd still down").isFalse();
      assertThat(agent.log().substring(at))
          .contains("still unreachable")
          .doesNotContain("reconnected");
      assertThat(agent.alive()).isTrue();

      TestBed.ensureLibvirtd();
      at = agent.awaitLog("reconnected", at, Duration.ofSeconds(90));
      agent.awaitLog(COLLECTED, at, Duration.ofSeconds(30));
      agent.awaitPage(metrics, upAndStale(1, 0), STATE);
      assertThat(agent.alive()).isTrue();
    } finally {
      TestBed.ensureLibvirtd();
    }
  }
}
