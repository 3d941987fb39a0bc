/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package's launcher (src/deb/virtmx, installed as /usr/bin/virtmx) runs the JVM with exactly
 * the settings of bin/virtmx, the launcher the service settings are measured and tested with.
 */
class LauncherTest {

  /** The lines from the MALLOC_ARENA_MAX export to the end: the environment and the java command. */
  private static List<String> jvmSettings(String file) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("export MALLOC_ARENA_MAX")) {
        from = i;
      }
    }
    assertThat(from).as(file + " exports MALLOC_ARENA_MAX").isNotNegative();
    return lines.subList(from, lines.size()).stream()
        .filter(l -> !l.startsWith("#"))
        .map(l -> l.replace("\"$jar\"", "JAR"))
        .toList();
  }

  @Test
  void packagedLauncherHasTheJvmSettingsOfBinVirtmx() throws IOException {
    assertThat(jvmSettings("src/deb/virtmx"))
        .as("src/deb/virtmx must run java as bin/virtmx does; copy the changed lines over")
        .isEqualTo(jvmSettings("bin/virtmx"));
  }

  @Test
  void packagedLauncherRunsTheInstalledJar() throws IOException {
    assertThat(Files.readString(Path.of("src/deb/virtmx"), StandardCharsets.UTF_8))
        .contains("jar=/usr/share/virtmx/virtmx.jar")
        .doesNotContain("target/");
  }
}
