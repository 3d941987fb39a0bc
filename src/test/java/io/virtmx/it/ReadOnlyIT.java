/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --read-only} refuses every operation on every view, even to an operator, with the agent's
 * own message, and nothing reaches libvirt: the same suspend tried over remote JMX, Jolokia and CIM
 * leaves a real QEMU domain running.
 */
class ReadOnlyIT {
  private static final String PASSWORD = "operator-pw";
  private static QemuDomains vms;
  private static AgentProcess agent;
  private static Path users;
  private static String vm;
  private static int jmxPort;
  private static int jolokiaPort;
  private static int cimPort;

  @BeforeAll
  static void start() throws Exception {
    TestBed.ensureLibvirtd();
    users = Files.createTempFile("virtmx-readonly", ".users");
    TestUsers.operator("alice", PASSWORD).save(users);
    vms = QemuDomains.start(1);
    vm = vms.names().get(0);
    jmxPort = AgentProcess.freePort();
    jolokiaPort = AgentProcess.freePort();
    cimPort = AgentProcess.freePort();
    agent =
        AgentArgs.watching(TestBed.QEMU_URI, "60s")
            .add("--read-only")
            .users(users)
            .jmx(jmxPort)
            .jolokia(jolokiaPort)
            .cim(cimPort)
            .started();
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (vms != null) {
      vms.close();
    }
    Files.deleteIfExists(users);
  }

  @AfterEach
  void domainIsUntouched() {
    assertThat(QemuDomains.state(vm)).startsWith("running");
    assertThat(agent.log()).doesNotContain("suspend on").doesNotContain("op=suspend result=ok");
  }

  @Test
  void jmxOperatorIsRefused() throws Exception {
    JMXServiceURL url = new JMXServiceURL(ViewRequests.jmxUrl(jmxPort));
    Map<String, Object> env = Map.of(JMXConnector.CREDENTIALS, new String[] {"alice", PASSWORD});
    try (JMXConnector connector = JMXConnectorFactory.connect(url, env)) {
      MBeanServerConnection mbs = connector.getMBeanServerConnection();
      ObjectName domain = awaitDomain(mbs);

      assertThatThrownBy(() -> mbs.invoke(domain, "suspend", new Object[0], new String[0]))
          .isInstanceOf(MBeanException.class)
          .hasMessageContaining("read-only agent: operation 'suspend' refused");
    }
  }

  @Test
  void jolokiaOperatorIsRefused() throws Exception {
    String response =
        ViewRequests.postAs(
            "http://127.0.0.1:" + jolokiaPort + "/jolokia",
            "alice",
            PASSWORD,
            ViewRequests.jolokiaExec("libvirt:type=Domain,host=*,name=" + vm, "suspend"));

    assertThat(response).contains("\"status\":403");
  }

  @Test
  void cimOperatorIsRefused() {
    String path = ViewRequests.cimComputerSystem("alice", PASSWORD, cimPort, "KVM", vm);
    awaitCim(path);

    TestBed.Result r = ViewRequests.cimRequestState(path, 9);

    assertThat(r.stdout() + r.stderr()).contains("read-only agent");
  }

  private static ObjectName awaitDomain(MBeanServerConnection mbs) throws Exception {
    ObjectName pattern = new ObjectName("libvirt:type=Domain,host=*,name=" + vm);
    return Await.until(
            "an MBean " + pattern,
            () -> mbs.queryNames(pattern, null),
            names -> !names.isEmpty(),
            Duration.ofSeconds(10))
        .iterator()
        .next();
  }

  private static void awaitCim(String path) {
    Await.until(
        "wbemcli gi " + path,
        () -> TestBed.run(Duration.ofSeconds(10), java.util.List.of("wbemcli", "gi", path)),
        TestBed.Result::ok,
        Duration.ofSeconds(30));
  }
}
