/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
  @Test
  void linesBecomeLongOptions() {
    List<String> args =
        ConfigFile.toArguments(
            List.of(
                "# comment",
                "",
                "connect = qemu:///system",
                "connect=hv2=qemu+ssh://hv2/system",
                "read-only",
                "interval = 15s"),
            "f");

    assertThat(args)
        .containsExactly(
            "--connect=qemu:///system",
            "--connect=hv2=qemu+ssh://hv2/system",
            "--read-only",
            "--interval=15s");
  }

  @Test
  void aMalformedLineNamesFileAndLine() {
    assertThatThrownBy(
            () -> ConfigFile.toArguments(List.of("connect = x", "--bad"), "/etc/virtmx.conf"))
        .hasMessageStartingWith("/etc/virtmx.conf:2:");
  }

  @Test
  void credentialsKeepSpacesInPasswords() {
    var creds =
        CredentialsFile.parse(
            List.of("# uri user password", "qemu+tls://hv/system admin s3cret with space"), "c");

    assertThat(creds.get("qemu+tls://hv/system"))
        .isEqualTo(new AgentConfig.Credential("admin", "s3cret with space"));
  }

  @Test
  void durations() {
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("7")).isEqualTo(Duration.ofSeconds(7));
    assertThatThrownBy(() -> Durations.parse("soon"))
        .hasMessageContaining("invalid duration 'soon'");
  }

  @Test
  void validateExplainsWhatIsWrong() {
    AgentConfig bad =
        new AgentConfig(
            List.of(new HostSpec(null, "test:///default")),
            Duration.ofMillis(10),
            Duration.ofSeconds(30),
            false,
            4,
            java.util.Map.of());
    assertThatThrownBy(bad::validate).hasMessageContaining("--interval");
  }
}
