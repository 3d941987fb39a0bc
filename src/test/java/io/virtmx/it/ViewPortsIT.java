/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A busy port behaves the same on every view: a port given on the command line that cannot be bound
 * stops the agent with one line naming it; a busy default port leaves only that view off.
 */
class ViewPortsIT {
  @Test
  void aBusyGivenPortStopsTheAgentOnEveryView() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String port = String.valueOf(taken.getLocalPort());
      for (String[] args :
          new String[][] {
            {"--metrics-port", port, "--no-jolokia"},
            {"--jolokia-port", port, "--no-metrics"},
            {"--cim", "--cim-port", port, "--no-metrics", "--no-jolokia"},
            {"--jmx", "--jmx-port", port, "--no-metrics", "--no-jolokia"}
          }) {
        TestBed.Result r =
            AgentProcess.run(
                Duration.ofSeconds(60),
                concat(new String[] {"--connect", "test:///default"}, args));
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(r.stderr()).as(String.join(" ", args)).contains("cannot start").contains(port);
      }
    }
  }

  @Test
  @SuppressWarnings("try") // the resources are held, not used
  void aBusyDefaultPortLeavesOnlyThatViewOff() throws IOException {
    try (ServerSocket metrics = holdOrShared(9177);
        ServerSocket jolokia = holdOrShared(8778);
        AgentProcess agent =
            AgentProcess.start("--connect", "test:///default", "--cim", "--cim-port", "0")
                .awaitStarted(Duration.ofSeconds(60))) {
      String log = agent.log();
      assertThat(log)
          .contains("metrics on http://127.0.0.1:9177/metrics not started")
          .contains("jolokia on port 8778 not started")
          .contains("choose a port with --jolokia-port, or --no-jolokia")
          .contains("view started: CIM-XML on http://127.0.0.1:");
      assertThat(agent.alive()).isTrue();
    }
  }

  /**
   * Takes a default port for the test; if another program already holds it, the port is just as
   * busy for the agent.
   */
  private static ServerSocket holdOrShared(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException busyAlready) {
      // held by someone else: still busy for the agent
    }
    return s;
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
