package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * libvirtd going away while the agent runs: the agent logs the loss, keeps running, reconnects by
 * itself once libvirtd is back and resumes collecting, without a restart.
 */
class ReconnectIT {
  private static final String COLLECTED = "collected \\d+ domains";

  @Test
  void agentReconnectsAfterLibvirtdRestart() {
    TestBed.ensureLibvirtd();
    try (AgentProcess agent =
        AgentProcess.start(
            "--no-metrics",
            "--no-jolokia",
            "--connect",
            TestBed.QEMU_URI,
            "--interval",
            "1s",
            "--log-level",
            "debug")) {
      int at = agent.awaitLog(COLLECTED, 0, Duration.ofSeconds(60));

      TestBed.exec("pkill", "-TERM", "-x", "libvirtd");
      at = agent.awaitLog("lost connection to libvirt", at, Duration.ofSeconds(30));
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
      assertThat(agent.alive()).isTrue();
    } finally {
      TestBed.ensureLibvirtd();
    }
  }
}
