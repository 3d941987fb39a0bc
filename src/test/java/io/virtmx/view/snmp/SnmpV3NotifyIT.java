/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.Background;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SNMPv3 notifications (--snmp-notify-user): net-snmp's snmptrapd, which accepts only authPriv
 * notifications of that USM user, logs LIBVIRT-MIB's and VM-MIB's notification of a suspend, as
 * traps (the user created with the agent's engine ID) and as informs (snmptrapd's own engine ID).
 */
class SnmpV3NotifyIT {
  private static final String TEST_UUID_OID = "102.149.235.1.246.164.131.4.121.170.151.242.80.46.25.63";
  private static final String STATE = "LIBVIRT-MIB::libvirtGuestState." + TEST_UUID_OID;
  private Path dir;
  private Background trapd;

  @BeforeEach
  void makeDirectory() throws IOException {
    dir = Files.createTempDirectory("vmx-snmpgaps-");
  }

  @AfterEach
  void stop() throws IOException {
    if (trapd != null) {
      trapd.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    }
  }

  @Test
  void trapsAsV3User() throws IOException {
    notified("trap");
  }

  @Test
  void informsAsV3User() throws IOException {
    notified("inform");
  }

  private void notified(String kind) throws IOException {
    int trapPort = AgentProcess.freePort();
    int port = AgentProcess.freePort();
    AgentArgs args =
        AgentArgs.watching("test:///default", "60s")
            .add("--snmp", "--snmp-port", String.valueOf(port))
            .add("--snmp-users", NetSnmp.usersFile(dir).toString())
            .add("--snmp-notify", "udp:127.0.0.1:" + trapPort)
            .add("--snmp-notify-user", NetSnmp.OPERATOR);
    if ("inform".equals(kind)) {
      args.add("--snmp-inform");
    }
    try (AgentProcess agent = args.started()) {
      NetSnmp operator = NetSnmp.operator(port);
      Await.until("the SNMP agent answers", () -> operator.run("snmpget", "VM-MIB::vmNumber.0").ok(), Duration.ofSeconds(30));
      String engineId = "0x" + operator.get(".1.3.6.1.6.3.10.2.1.1.0").replaceAll("\\s", "");
      // The user only where each kind needs it, so a trap passing for an inform (or back) is refused.
      Path traps = startTrapd(trapPort, "inform".equals(kind) ? "" : "-e " + engineId + " ");
      assertThat(operator.run("snmpset", STATE, "i", "3").ok()).as("suspend by snmpset").isTrue();
      Await.until(
          "snmptrapd logged the " + kind + "s of the suspend",
          () -> {
            String log = Files.exists(traps) ? Files.readString(traps, StandardCharsets.UTF_8) : "";
            return log.contains("libvirtGuestNotif") && log.contains("VM-MIB::vmPaused") && log.contains("paused(3)");
          },
          Duration.ofSeconds(10));
      assertThat(operator.run("snmpset", STATE, "i", "1").ok()).as("resume by snmpset").isTrue();
      assertThat(agent.log()).doesNotContain("notification not sent").doesNotContain("Exception");
    }
  }

  /**
   * snmptrapd accepting authPriv notifications of the operator only, created with {@code
   * engineOption} ({@code -e AGENT-ENGINE-ID} for traps; none, snmptrapd's own, for informs).
   */
  private Path startTrapd(int trapPort, String engineOption) throws IOException {
    Path traps = dir.resolve("traps.log");
    Path conf = dir.resolve("snmptrapd.conf");
    String user = NetSnmp.OPERATOR + " SHA-256 " + NetSnmp.OPERATOR_AUTH + " AES alice-priv-pass\n";
    Files.writeString(
        conf,
        "createUser " + engineOption + user
            + "authUser log " + NetSnmp.OPERATOR + " priv\n"
            + "doNotRetainNotificationLogs yes\n");
    trapd =
        Background.start(
            dir.resolve("snmptrapd.out"),
            List.of(
                "snmptrapd", "-f", "-C", "-c", conf.toString(), "-Lf", traps.toString(),
                "-M", "+" + NetSnmp.MIBS, "-m", "LIBVIRT-MIB:VM-MIB", "-p", dir.resolve("trapd.pid").toString(),
                "udp:127.0.0.1:" + trapPort));
    Await.until(
        "snmptrapd listening",
        () -> TestBed.run(List.of("ss", "-lun")).stdout().contains("127.0.0.1:" + trapPort),
        Duration.ofSeconds(10));
    return traps;
  }
}
