/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
        AgentProcess.started(
            "--read-only",
            "--connect",
            TestBed.QEMU_URI,
            "--interval",
            "60s",
            "--users",
            users.toString(),
            "--no-metrics",
            "--jmx-port",
            String.valueOf(jmxPort),
            "--jolokia-port",
            String.valueOf(jolokiaPort),
            "--cim",
            "--cim-port",
            String.valueOf(cimPort));
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
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
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
    String body =
        "{\"type\":\"exec\",\"mbean\":\"libvirt:type=Domain,host=*,name="
            + vm
            + "\",\"operation\":\"suspend\"}";
    String auth =
        Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jolokiaPort + "/jolokia"))
            .header("Authorization", "Basic " + auth)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();

    String response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();

    assertThat(response).contains("\"status\":403");
  }

  @Test
  void cimOperatorIsRefused() {
    String path =
        "http://alice:"
            + PASSWORD
            + "@127.0.0.1:"
            + cimPort
            + "/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\""
            + vm
            + "\"";
    awaitCim(path);

    TestBed.Result r =
        TestBed.run(
            Duration.ofSeconds(30),
            java.util.List.of("wbemcli", "cm", path, "RequestStateChange.RequestedState=9"));

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
