/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar on libvirt's in-process test driver with a users file, remote JMX and {@code
 * --audit-log FILE}: an operation and failed, locked-out and throttled logins land in the audit
 * file (and nowhere else), and a user whose password was verified keeps connecting from the
 * locked-out address.
 */
class LoginAuditIT {
  @Test
  void failedLoginsLockOutTheAddressAndEverythingIsInTheAuditFile(@TempDir Path dir)
      throws Exception {
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").save(users);
    Path auditLog = dir.resolve("audit.log");
    int port = AgentProcess.freePort();
    try (AgentProcess agent =
        AgentProcess.started(
            "--connect",
            "test:///default",
            "--no-metrics",
            "--no-jolokia",
            "--jmx-port",
            String.valueOf(port),
            "--users",
            users.toString(),
            "--audit-log",
            auditLog.toString(),
            "--login-lockout-failures",
            "3",
            "--login-lockout",
            "2m")) {
      String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";

      try (JMXConnector c = connect(url, "alice", "alice-secret")) {
        MBeanServerConnection mbeans = c.getMBeanServerConnection();
        ObjectName test =
            mbeans.queryNames(new ObjectName("libvirt:type=Domain,name=test,*"), null).stream()
                .findFirst()
                .orElseThrow();
        mbeans.invoke(
            test, "setMemory", new Object[] {1048576L}, new String[] {long.class.getName()});
      }
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> connect(url, "mallory", "guess").close())
            .isInstanceOf(SecurityException.class)
            .hasMessageContaining("authentication failed");
      }
      assertThatThrownBy(() -> connect(url, "mallory", "guess").close())
          .isInstanceOf(SecurityException.class)
          .hasMessageMatching("too many failed logins from 127\\.0\\.0\\.1; try again in \\d+ s");
      try (JMXConnector c = connect(url, "alice", "alice-secret")) {
        assertThat(c.getConnectionId()).as("verified before: not locked out").isNotEmpty();
      }

      List<String> lines = Files.readAllLines(auditLog, StandardCharsets.UTF_8);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auditLog)))
          .isEqualTo("rw-------");
      assertThat(lines)
          .allMatch(l -> l.matches("time=\\S+ op=\\S+ result=.*"))
          .anyMatch(
              l ->
                  l.endsWith(
                      " op=login result=ok user=alice role=operator view=jmx client=127.0.0.1"))
          .anyMatch(
              l ->
                  l.contains(" op=setMemory result=ok host=")
                      && l.contains(" object=domain/test args=\"memory-kib=1048576\" user=alice"))
          .anyMatch(
              l ->
                  l.endsWith(
                      " op=login result=failed user=mallory view=jmx client=127.0.0.1 failures=3"
                          + " user-failures=3 retry-after=120"))
          .anyMatch(l -> l.contains(" op=login result=locked-out scope=client user=mallory"))
          .anyMatch(l -> l.contains(" op=login result=locked-out scope=user user=mallory"))
          .anyMatch(l -> l.contains(" op=login result=throttled reason=locked-out scope=client"));
      assertThat(lines.stream().filter(l -> l.contains("result=failed"))).hasSize(3);
      assertThat(agent.log()).as("audit lines only in their file").doesNotContain("op=");
    }
  }

  private static JMXConnector connect(String url, String user, String password) throws Exception {
    return JMXConnectorFactory.connect(
        new JMXServiceURL(url), Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
  }
}
