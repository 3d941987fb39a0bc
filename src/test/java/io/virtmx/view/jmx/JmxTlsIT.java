/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestKeys;
import io.virtmx.testbed.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jmx-tls-keystore}: the agent jar serves registry and connector over TLS on one port; a
 * client trusting the certificate connects and reads, a plain client cannot even look the connector
 * up.
 */
class JmxTlsIT {
  @Test
  void tlsClientConnectsAndPlainClientCannot(@TempDir Path dir) throws Exception {
    TestKeys keys = TestKeys.create(dir, "EC");
    Path users = TestUsers.operator("alice", "alice-secret").save(dir.resolve("users"));
    int port = AgentProcess.freePort();
    String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
    try (AgentProcess agent =
        AgentProcess.started(
            "--no-metrics",
            "--no-jolokia",
            "--connect",
            "tls=test:///default",
            "--interval",
            "1s",
            "--jmx-port",
            String.valueOf(port),
            "--users",
            users.toString(),
            "--jmx-tls-keystore",
            keys.keyStore().toString(),
            "--jmx-tls-password-file",
            keys.passwordFile().toString())) {
      try (ShellProcess tls =
          new ShellProcess(
              dir,
              "-Djavax.net.ssl.trustStore=" + keys.trustStore(),
              "-Djavax.net.ssl.trustStorePassword=" + TestKeys.TRUST_PASSWORD)) {
        tls.ok("connect", url, "alice", "alice-secret");
        String name = ObjectNames.domain("tls", "test").toString();
        Await.until(
            name + " registered",
            () -> tls.ok("query", name),
            s -> !s.isEmpty(),
            Duration.ofSeconds(10));
        assertThat(tls.ok("get", name, "State")).isEqualTo("running");
      }
      try (ShellProcess plain = new ShellProcess(dir)) {
        assertThat(plain.send("connect", url, "alice", "alice-secret"))
            .startsWith("ERR java.io.IOException");
      }
      assertThat(agent.alive()).as("agent after the refused plain client").isTrue();
    }
  }
}
