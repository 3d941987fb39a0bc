/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live peer-to-peer migration of {@code vmx-guest1}, with its disk copied ({@code
 * --copy-storage-all}), from the local host to hv2 and back, watched by one agent connected to
 * both: the guest keeps running (its agent answers on the other side) and moves from one {@code
 * host} label to the other in /metrics.
 */
class MigrationIT {
  private static final Duration MIGRATION = Duration.ofMinutes(5);
  private static final Duration COLLECTED = Duration.ofSeconds(60);
  private static TestBedEnv bed;

  @BeforeAll
  static void bed() {
    bed = TestBedEnv.get();
  }

  /** Leaves the guest where the bed keeps it, whatever the test did. */
  @AfterEach
  void guestBackHome() {
    if (TestBedEnv.defined(bed.hv2ControlUri(), bed.guest1())) {
      migrate(bed.hv2ControlUri(), bed.value("HOST_FROM_HV2_URI"), bed.value("HOST_IP"));
    }
  }

  @Test
  void liveP2pMigrationToHv2AndBack() {
    String host = bed.hostName();
    String hv2 = bed.hv2Name();
    String guest = bed.guest1();
    int metrics = AgentProcess.freePort();
    try (AgentProcess agent =
        AgentProcess.started(
            "--connect",
            bed.hostUri(),
            "--connect",
            bed.hv2TlsUri(),
            "--interval",
            "1s",
            "--metrics-port",
            String.valueOf(metrics),
            "--no-jolokia")) {
      String url = "http://127.0.0.1:" + metrics + "/metrics";
      TestBedEnv.awaitAgent(bed.hostUri(), guest, TestBedEnv.BOOT);
      agent.awaitPage(url, body -> on(body, host) && !on(body, hv2), COLLECTED);

      // there: the source libvirtd (qemu:///system) connects to hv2 over TLS itself
      migrate(bed.hostUri(), bed.hv2TlsUri(), bed.value("HV2_IP"));
      assertThat(TestBedEnv.defined(bed.hostUri(), guest)).as("left the local host").isFalse();
      assertThat(TestBedEnv.domstate(bed.hv2ControlUri(), guest)).startsWith("running");
      TestBedEnv.awaitAgent(bed.hv2ControlUri(), guest, Duration.ofSeconds(30));
      agent.awaitPage(url, body -> on(body, hv2) && !on(body, host), COLLECTED);

      // and back: hv2's libvirtd connects to the local one
      migrate(bed.hv2ControlUri(), bed.value("HOST_FROM_HV2_URI"), bed.value("HOST_IP"));
      assertThat(TestBedEnv.defined(bed.hv2ControlUri(), guest)).as("left hv2").isFalse();
      assertThat(TestBedEnv.domstate(bed.hostUri(), guest)).startsWith("running");
      TestBedEnv.awaitAgent(bed.hostUri(), guest, Duration.ofSeconds(30));
      agent.awaitPage(url, body -> on(body, host) && !on(body, hv2), COLLECTED);
    }
  }

  private static void migrate(String from, String to, String address) {
    TestBedEnv.virsh(
        MIGRATION,
        from,
        "migrate",
        "--live",
        "--p2p",
        "--persistent",
        "--undefinesource",
        "--copy-storage-all",
        bed.guest1(),
        to,
        "--migrateuri",
        "tcp://" + address,
        "--listen-address",
        address);
  }

  private static boolean on(String body, String host) {
    return TestBedEnv.metric(
            body, "libvirt_domain_state_code", "host", host, "domain", bed.guest1())
        .isPresent();
  }
}
