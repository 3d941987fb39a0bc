/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** The package's man page, changelog version and gzip files, made by {@link PackageDocs}. */
class PackageDocsTest {

  private static BuildInfo build() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.0-SNAPSHOT");
    p.setProperty("commit", "abcdef012345");
    p.setProperty("commitTime", "2026-11-30T23:59:00+01:00");
    return BuildInfo.of(p);
  }

  @Test
  void packageVersionsSortBeforeTheRelease() {
    assertThat(PackageDocs.debianVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0~SNAPSHOT");
    assertThat(PackageDocs.debianVersion("1.0-rc1")).isEqualTo("1.0~rc1");
    assertThat(PackageDocs.debianVersion("1.0")).isEqualTo("1.0");
    assertThat(PackageDocs.debianVersion("1.0-2")).isEqualTo("1.0+2");
  }

  @Test
  void theManPageHasEveryVisibleOptionAndSubcommand() {
    String man = ManPage.of(PackageDocs.command().getCommandSpec(), build());
    assertThat(man)
        .startsWith(".\\\"")
        .contains(".TH VIRTMX 1 \"2026-11-30\" \"virtmx 1.2.0\\-SNAPSHOT\"")
        .contains(".SH \"VIRTMX USER ADD\"", ".SH \"EXIT STATUS\"", ".SH FILES");
    for (OptionSpec o : PackageDocs.command().getCommandSpec().options()) {
      if (!o.hidden() && !o.negatable()) {
        assertThat(man).contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR");
      }
    }
    assertThat(man).contains("\\fB\\-\\-[no\\-]metrics\\fR");
    // No text line may start a troff request.
    assertThat(man.lines().filter(l -> l.startsWith(".") || l.startsWith("'")))
        .allMatch(l -> l.matches("^\\.(\\\\\"|TH|SH|TP|PP|br|B|I|BR) ?.*"));
  }

  @Test
  void textNeverStartsARequest() {
    assertThat(ManPage.escapeLine(".hidden")).isEqualTo("\\&.hidden");
    assertThat(ManPage.escape("a\\b-c")).isEqualTo("a\\eb\\-c");
  }

  @Test
  void gzipSaysBestCompressionAndHasNoTimestamp(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.gz");
    String text = "virtmx ".repeat(1000);
    PackageDocs.gzip(file, text);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[4] | bytes[5] | bytes[6] | bytes[7]).as("mtime").isZero();
    assertThat(bytes[8]).as("XFL: best compression").isEqualTo((byte) 2);
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
  }
}
