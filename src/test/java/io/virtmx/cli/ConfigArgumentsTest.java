/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigArgumentsTest {
  @TempDir Path dir;

  @Test
  void fileOptionsComeFirstSoTheCommandLineWins() throws Exception {
    Path f =
        Files.writeString(dir.resolve("virtmx.conf"), "connect = qemu:///system\ninterval = 15s\n");

    String[] merged =
        ConfigArguments.merge(new String[] {"--config", f.toString(), "--interval", "5s"});

    assertThat(merged)
        .containsExactly(
            "--connect=qemu:///system",
            "--interval=15s",
            "--config",
            f.toString(),
            "--interval",
            "5s");
  }

  @Test
  void connectOnTheCommandLineReplacesTheFilesHosts() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("virtmx.conf"), "connect = qemu:///system\nread-only = true\n");

    String[] merged =
        ConfigArguments.merge(new String[] {"--config=" + f, "--connect", "test:///default"});

    assertThat(merged)
        .containsExactly("--read-only=true", "--config=" + f, "--connect", "test:///default");
  }

  @Test
  void noConfigLeavesArgumentsAlone() throws Exception {
    assertThat(ConfigArguments.merge(new String[] {"--once"})).containsExactly("--once");
  }

  @Test
  void configCannotNestConfig() throws Exception {
    Path f = Files.writeString(dir.resolve("virtmx.conf"), "config = /etc/other.conf\n");

    assertThatThrownBy(() -> ConfigArguments.merge(new String[] {"--config", f.toString()}))
        .hasMessageContaining("cannot be nested");
  }

  @Test
  void theWholeCommandLineAcceptsAConfigFile() throws Exception {
    Path f = Files.writeString(dir.resolve("virtmx.conf"), "connect = bogus:///x\nonce\n");

    assertThat(Main.run("--config", f.toString()))
        .isEqualTo(1); // parsed, ran --once, could not connect
  }
}
