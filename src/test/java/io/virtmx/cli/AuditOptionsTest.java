/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import io.virtmx.security.AuditLog;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Where --audit-log sends the audit lines, and the login throttling options. */
class AuditOptionsTest {
  private static final LoggerContext LOGBACK = (LoggerContext) LoggerFactory.getILoggerFactory();

  private static AuditOptions parse(String... args) {
    AuditOptions o = new AuditOptions();
    new CommandLine(o).parseArgs(args);
    return o;
  }

  @AfterEach
  void backToStderr() {
    parse().apply(LOGBACK);
  }

  @Test
  void aFileOfItsOwnAppendedCreatedPrivateWithoutOtherLogLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    parse("--audit-log", file.toString()).apply(LOGBACK);

    AuditLog.op("suspend").with("result", "ok").with("user", "alice").write();
    LoggerFactory.getLogger("io.virtmx.collect.Noise").warn("debug noise");

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches(
            "time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
                + " op=suspend result=ok user=alice");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    parse("--audit-log", file.toString()).apply(LOGBACK); // a restart appends
    AuditLog.op("resume").with("result", "ok").write();
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
        .hasSize(2)
        .last()
        .asString()
        .endsWith(" op=resume result=ok");
  }

  @Test
  void syslogGetsEachLineAsAnAuthprivMessage() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5000);
      parse("--audit-log", "syslog:127.0.0.1:" + server.getLocalPort()).apply(LOGBACK);

      AuditLog.op("login").with("result", "failed").with("user", "bob").write();

      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      server.receive(packet);
      String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      assertThat(message).startsWith("<86>"); // authpriv (10) * 8 + info (6)
      assertThat(message).endsWith("virtmx: op=login result=failed user=bob");
    }
  }

  @Test
  void badDestinationsAreRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> parse("--audit-log", "syslog:localhost:99999").apply(LOGBACK))
        .hasMessage("--audit-log syslog: '99999' is not a port number (1-65535)");
    Path missing = dir.resolve("no/such/dir/audit.log");
    assertThatThrownBy(() -> parse("--audit-log", missing.toString()).apply(LOGBACK))
        .hasMessageStartingWith("--audit-log " + missing + ": cannot create it");
    assertThatThrownBy(() -> parse("--audit-log", dir.toString()).apply(LOGBACK))
        .hasMessage("--audit-log " + dir + " is not a writable file");
  }

  @Test
  void theCommandExitsWith2OnABadDestination(@TempDir Path dir) {
    assertThat(
            Refused.stderr(
                "--once",
                "--connect",
                "test:///default",
                "--audit-log",
                dir.resolve("missing/audit.log").toString()))
        .contains("virtmx: --audit-log ");
  }

  @Test
  void lockoutOptionsBecomeLoginSettings() {
    assertThat(parse().loginSettings()).isEqualTo(io.virtmx.security.LoginSettings.DEFAULTS);
    var s = parse("--login-lockout-failures", "5", "--login-lockout", "1h").loginSettings();
    assertThat(s.lockoutFailures()).isEqualTo(5);
    assertThat(s.lockout()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> parse("--login-lockout-failures", "0").loginSettings())
        .hasMessage("--login-lockout-failures must be at least 1, got 0");
    assertThatThrownBy(() -> parse("--login-lockout", "0s").loginSettings())
        .hasMessage("--login-lockout must be positive, got 0s");
  }
}
