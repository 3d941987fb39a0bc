/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import io.virtmx.view.jmx.ShellProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One invalid request, three views, one answer: with the test driver's domain {@code test} shut off
 * (through the agent's own destroy), pausing it over remote JMX (JmxShell in a JVM of its own),
 * Jolokia and CIM ({@code wbemcli}, RequestStateChange 9) is refused with the lifecycle policy's
 * text, each in its protocol's error form, and audited as refused.
 */
class SameErrorIT {
  private static final String PASSWORD = "operator-pw";
  private static final String TEXT = "domain 'test' is shut off: cannot suspend it";
  private static final String MBEAN = "libvirt:type=Domain,host=lab,name=test";
  private static Path dir;
  private static AgentProcess agent;
  private static ShellProcess jmx;
  private static int jolokiaPort;
  private static int cimPort;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("virtmx-same-error");
    Path users = dir.resolve("users");
    TestUsers.operator("alice", PASSWORD).save(users);
    int jmxPort = AgentProcess.freePort();
    jolokiaPort = AgentProcess.freePort();
    cimPort = AgentProcess.freePort();
    agent =
        AgentArgs.watching("lab=test:///default", "60s")
            .users(users)
            .jmx(jmxPort)
            .jolokia(jolokiaPort)
            .cim(cimPort)
            .started();
    jmx = new ShellProcess(dir);
    jmx.ok("connect", ViewRequests.jmxUrl(jmxPort), "alice", PASSWORD);
    awaitDomainMBean();
    jmx.ok("invoke", MBEAN, "destroy");
  }

  @AfterAll
  static void stop() throws Exception {
    if (jmx != null) {
      jmx.close();
    }
    if (agent != null) {
      agent.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    }
  }

  @Test
  void pausingAStoppedDomainGetsTheSameTextFromEveryView() throws Exception {
    assertThat(jmx.send("invoke", MBEAN, "suspend"))
        .isEqualTo(
            "ERR javax.management.MBeanException: "
                + TEXT
                + " | cause java.lang.IllegalStateException: "
                + TEXT);

    String jolokia = jolokiaExec("suspend");
    assertThat(jolokia).contains("\"status\":500").contains("\"error\":\"" + TEXT + "\"");

    TestBed.Result cim =
        ViewRequests.cimRequestState(
            ViewRequests.cimComputerSystem("alice", PASSWORD, cimPort, "Libvirt", "test"), 9);
    assertThat(cim.ok()).isFalse();
    assertThat(cim.stderr()).contains("CIM_ERR_FAILED: " + TEXT);

    assertThat(agent.log().lines().filter(l -> l.contains("op=suspend result=refused")))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("reason=\"" + TEXT + "\""))
        .anySatisfy(l -> assertThat(l).contains("view=jmx"))
        .anySatisfy(l -> assertThat(l).contains("view=jolokia"))
        .anySatisfy(l -> assertThat(l).contains("view=cim"));
  }

  private static String jolokiaExec(String operation) throws Exception {
    return ViewRequests.postAs(
        "http://127.0.0.1:" + jolokiaPort + "/jolokia",
        "alice",
        PASSWORD,
        ViewRequests.jolokiaExec(MBEAN, operation));
  }

  private static void awaitDomainMBean() {
    for (int i = 0; i < 100; i++) {
      if (!jmx.ok("query", MBEAN).isEmpty()) {
        return;
      }
      TestBed.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("no MBean " + MBEAN);
  }
}
