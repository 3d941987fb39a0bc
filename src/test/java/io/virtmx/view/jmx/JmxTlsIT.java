package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import java.nio.file.Files;
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
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Path keystore = dir.resolve("agent.p12");
    Path truststore = dir.resolve("trust.p12");
    Path cert = dir.resolve("agent.crt");
    TestBed.exec(
        keytool,
        "-genkeypair",
        "-alias",
        "virtmx",
        "-keyalg",
        "EC",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "store-secret",
        "-keypass",
        "store-secret");
    TestBed.exec(
        keytool,
        "-exportcert",
        "-alias",
        "virtmx",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "store-secret",
        "-file",
        cert.toString());
    TestBed.exec(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "virtmx",
        "-file",
        cert.toString(),
        "-keystore",
        truststore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "trust-secret");
    Path password = Files.writeString(dir.resolve("password"), "store-secret\n");
    Path users = dir.resolve("users");
    UsersFile.empty().with("alice", Role.OPERATOR, "alice-secret".toCharArray()).save(users);
    int port = AgentProcess.freePort();
    String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
    AgentProcess agent =
        AgentProcess.start(
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
                keystore.toString(),
                "--jmx-tls-password-file",
                password.toString())
            .awaitStarted(Duration.ofSeconds(60));
    try {
      try (ShellProcess tls =
          new ShellProcess(
              dir,
              "-Djavax.net.ssl.trustStore=" + truststore,
              "-Djavax.net.ssl.trustStorePassword=trust-secret")) {
        tls.ok("connect", url, "alice", "alice-secret");
        String name = ObjectNames.domain("tls", "test").toString();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (tls.ok("query", name).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(tls.ok("get", name, "State")).isEqualTo("running");
      }
      try (ShellProcess plain = new ShellProcess(dir)) {
        assertThat(plain.send("connect", url, "alice", "alice-secret"))
            .startsWith("ERR java.io.IOException");
      }
    } finally {
      agent.close();
    }
  }
}
