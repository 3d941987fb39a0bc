/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.security.UsersFile;
import io.virtmx.testbed.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMX options refuse what would expose the agent unauthenticated or cannot work, before
 * listening.
 */
class JmxOptionsTest {
  @Test
  void refusesNonLoopbackBindWithoutUsersFile() {
    assertThat(Files.exists(UsersFile.DEFAULT)).as("test needs no default users file").isFalse();
    assertThat(
            Refused.stderr(
                "--connect", "test:///default", "--jmx-port", "19999", "--jmx-bind", "0.0.0.0"))
        .contains(
            "--jmx-bind 0.0.0.0 is not a loopback address: listening there requires authentication");
  }

  @Test
  void refusesBadPortAndKeystoreWithoutPassword(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").save(users);
    assertThat(
            Refused.stderr(
                "--connect", "test:///default", "--users", users.toString(), "--jmx-port", "70000"))
        .contains("--jmx-port 70000 is not a port number");
    assertThat(
            Refused.stderr(
                "--connect",
                "test:///default",
                "--users",
                users.toString(),
                "--jmx-port",
                "19999",
                "--jmx-tls-keystore",
                dir.resolve("ks.p12").toString()))
        .contains("needs --jmx-tls-password-file");
  }

  @Test
  void refusesAZeroOrMalformedReadTimeout(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").save(users);
    String[] base = {"--connect", "test:///default", "--users", users.toString(), "--jmx-port"};
    assertThat(Refused.stderr(concat(base, "19999", "--jmx-read-timeout", "0")))
        .contains("--jmx-read-timeout must be longer than 0");
    assertThat(Refused.stderr(concat(base, "19999", "--jmx-read-timeout", "soon")))
        .contains("invalid duration 'soon'");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
