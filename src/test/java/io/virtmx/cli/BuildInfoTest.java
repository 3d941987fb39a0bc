/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What {@code virtmx --version} prints, from a filtered resource, an unfiltered one and none. */
class BuildInfoTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void theBuildsResourceNamesVersionAndCommit() {
    BuildInfo b = BuildInfo.load();
    assertThat(b.version()).isNotEqualTo(BuildInfo.UNKNOWN).doesNotContain("${");
    // Built from a git checkout (as here) the commit is known; from a tarball it would be
    // "unknown".
    assertThat(b.commit()).matches("[0-9a-f]{7,40}(-dirty)?|unknown");
  }

  @Test
  void aDirtyTreeIsSaid() {
    BuildInfo b =
        BuildInfo.of(props("version", "1.2.0", "commit", "abcdef012345", "dirty", "true"));
    assertThat(Main.Version.lines(b)[0]).isEqualTo("virtmx 1.2.0 (commit abcdef012345-dirty)");
  }

  @Test
  void withoutGitTheCommitIsUnknown() {
    // What the build script writes outside a git checkout, and a property left unfiltered.
    BuildInfo b =
        BuildInfo.of(
            props(
                "version", "1.2.0", "commit", "${git.commit.id.abbrev}", "dirty", "${git.dirty}"));
    assertThat(Main.Version.lines(b)[0]).isEqualTo("virtmx 1.2.0 (commit unknown)");
    assertThat(BuildInfo.of(new Properties()).version()).isEqualTo("unknown");
  }

  @Test
  void theVersionOptionPrintsVersionCommitAndJava() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("--version")).isZero();
    } finally {
      System.setOut(saved);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("virtmx " + BuildInfo.load().version() + " (commit ");
    assertThat(text).contains("Java " + System.getProperty("java.runtime.version"));
  }
}
