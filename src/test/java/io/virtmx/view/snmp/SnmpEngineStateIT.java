/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SNMP engine's identity across restarts: with --snmp-state-dir the agent keeps its
 * snmpEngineID and counts its starts in snmpEngineBoots, as net-snmp's snmpget reads them.
 */
class SnmpEngineStateIT {
  private static final String ENGINE_ID = ".1.3.6.1.6.3.10.2.1.1.0";
  private static final String ENGINE_BOOTS = ".1.3.6.1.6.3.10.2.1.2.0";
  private Path dir;

  @BeforeEach
  void makeDirectory() throws IOException {
    dir = Files.createTempDirectory("vmx-snmpgaps-");
  }

  @AfterEach
  void removeDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    }
  }

  @Test
  void engineIdIsKeptAndBootsCountRestarts() throws IOException {
    Path users = NetSnmp.usersFile(dir);
    Path state = dir.resolve("state");
    String[] first = engine(users, state);
    String[] second = engine(users, state);
    String[] third = engine(users, state);
    assertThat(second[0]).as("snmpEngineID after a restart").isEqualTo(first[0]);
    assertThat(third[0]).as("snmpEngineID after a second restart").isEqualTo(first[0]);
    assertThat(Long.parseLong(second[1])).as("snmpEngineBoots after a restart").isEqualTo(Long.parseLong(first[1]) + 1);
    assertThat(Long.parseLong(third[1])).as("snmpEngineBoots after a second restart").isEqualTo(Long.parseLong(first[1]) + 2);
    String[] elsewhere = engine(users, dir.resolve("other-state"));
    assertThat(elsewhere[0]).as("another state directory is another engine").isNotEqualTo(first[0]);
  }

  /** Starts the agent on {@code state}, reads snmpEngineID and snmpEngineBoots, stops it. */
  private static String[] engine(Path users, Path state) throws IOException {
    int port = AgentProcess.freePort();
    try (AgentProcess agent =
        AgentArgs.watching("test:///default", "60s")
            .add("--snmp", "--snmp-port", String.valueOf(port))
            .add("--snmp-users", users.toString())
            .add("--snmp-state-dir", state.toString())
            .started()) {
      NetSnmp snmp = NetSnmp.viewer(port);
      Await.until("the SNMP agent answers", () -> snmp.run("snmpget", ENGINE_BOOTS).ok(), Duration.ofSeconds(30));
      String id = snmp.get(ENGINE_ID);
      String boots = snmp.get(ENGINE_BOOTS);
      assertThat(id).as("snmpEngineID").isNotBlank();
      assertThat(boots).as("snmpEngineBoots").matches("\\d+");
      assertThat(agent.log()).doesNotContain("Exception");
      return new String[] {id, boots};
    }
  }
}
