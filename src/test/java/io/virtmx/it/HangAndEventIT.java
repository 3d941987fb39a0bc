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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Two behaviours of a running agent against a real libvirtd: a libvirt call that hangs (libvirtd
 * stopped with SIGSTOP) is bounded by --timeout and the host keeps its last snapshot, marked stale;
 * and a libvirt event refreshes the domain it concerns at once, without waiting for the next
 * interval. Both are checked in the log and in the state a client sees ({@code
 * virtmx_snapshot_stale}, the domain's series).
 */
class HangAndEventIT {
  private static final String COLLECTED = "collected \\d+ domains";
  private static final Duration STATE = Duration.ofSeconds(10);

  private static Predicate<String> stale(int value) {
    return MetricsPage.sample("virtmx_snapshot_stale", value);
  }

  @Test
  void hangingLibvirtdMarksTheSnapshotStaleAndCollectionResumesAfterwards() {
    TestBed.ensureLibvirtd();
    String pid = TestBed.exec("pgrep", "-o", "-x", "libvirtd").strip();
    int port = AgentProcess.freePort();
    String metrics = "http://127.0.0.1:" + port + "/metrics";
    try (AgentProcess agent =
        AgentArgs.watching(TestBed.QEMU_URI, "1s")
            .metrics(port)
            .add("--timeout", "2s", "--log-level", "debug")
            .start()) {
      int at = agent.awaitLog(COLLECTED, 0, Duration.ofSeconds(60));
      TestBed.exec("kill", "-STOP", pid);
      try {
        at =
            agent.awaitLog(
                "collection still running after 2 s; keeping the last snapshot, marked stale",
                at,
                Duration.ofSeconds(20));
        assertThat(agent.alive()).isTrue();
        agent.awaitPage(metrics, stale(1), STATE);
      } finally {
        TestBed.exec("kill", "-CONT", pid);
      }
      agent.awaitLog(COLLECTED, at, Duration.ofSeconds(60));
      agent.awaitPage(metrics, stale(0), STATE);
    } finally {
      TestBed.exec("kill", "-CONT", pid);
    }
  }

  @Test
  void definingAndUndefiningADomainRefreshesItAtOnce() throws Exception {
    TestBed.ensureLibvirtd();
    String name = "virtmx-event-it";
    TestBed.tryVirsh("undefine", name);
    Path xml = Files.createTempFile("virtmx-event", ".xml");
    Files.writeString(
        xml,
        "<domain type='qemu'><name>"
            + name
            + "</name><memory unit='MiB'>64</memory>"
            + "<vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os></domain>");
    int port = AgentProcess.freePort();
    String metrics = "http://127.0.0.1:" + port + "/metrics";
    String listed = "domain=\"" + name + "\"";
    try (AgentProcess agent =
        AgentArgs.watching(TestBed.QEMU_URI, "1h")
            .metrics(port)
            .add("--log-level", "debug")
            .start()) {
      int at = agent.awaitLog(COLLECTED, 0, Duration.ofSeconds(60));

      TestBed.virsh("define", xml.toString());
      at = agent.awaitLog("domain " + name + " defined \\(added\\)", at, Duration.ofSeconds(5));
      at = agent.awaitLog("refreshed domain " + name + " after defined", at, Duration.ofSeconds(5));
      agent.awaitPage(metrics, b -> b.contains(listed), STATE);

      TestBed.virsh("undefine", name);
      at = agent.awaitLog("domain " + name + " undefined", at, Duration.ofSeconds(5));
      agent.awaitLog("refreshed domain " + name + " after undefined", at, Duration.ofSeconds(5));
      agent.awaitPage(metrics, b -> !b.contains(listed), STATE);
      assertThat(agent.log())
          .containsOnlyOnce("collected"); // no poll in between: the events did it
    } finally {
      TestBed.tryVirsh("undefine", name);
      Files.deleteIfExists(xml);
    }
  }
}
