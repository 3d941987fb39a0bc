/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --save-dir and --disk-dir: repeatable, added to by config file lines, checked at start-up. */
class FileDirectoryOptionsTest {
  @TempDir Path dir;

  @Test
  void configFileAndCommandLineDirectoriesAddUp() throws Exception {
    Path conf = Files.writeString(dir.resolve("virtmx.conf"), "save-dir = /srv/a\ndisk-dir = /srv/d\n");
    Main main = new Main();
    new CommandLine(main)
        .parseArgs(
            ConfigArguments.merge(
                new String[] {"--config", conf.toString(), "--save-dir", "/srv/b"}));

    assertThat(main.files.directories().saveDirs())
        .containsExactly(Path.of("/srv/a"), Path.of("/srv/b"));
    assertThat(main.files.directories().diskDirs()).containsExactly(Path.of("/srv/d"));
  }

  @Test
  void migrationDestinationsComeFromTheConfigFileAndTheCommandLine() throws Exception {
    Path conf = Files.writeString(dir.resolve("virtmx.conf"), "migrate-allow = hv2\n");
    Main main = new Main();
    new CommandLine(main)
        .parseArgs(
            ConfigArguments.merge(
                new String[] {
                  "--config", conf.toString(), "--migrate-allow", "qemu+tls://198.18.0.2/system"
                }));

    assertThat(main.files.directories().migrateAllow())
        .containsExactly("hv2", "qemu+tls://198.18.0.2/system");
    assertThat(new Main().files.directories().migrateAllow()).isEmpty();
  }

  @Test
  void aMalformedMigrationDestinationIsAnOptionError() {
    assertThat(Main.run("--once", "--connect", "test:///default", "--migrate-allow", "a b"))
        .isEqualTo(2);
  }

  @Test
  void aMissingDirectoryIsAnOptionError() {
    int status =
        Main.run(
            "--once", "--connect", "test:///default", "--save-dir", dir.resolve("none").toString());

    assertThat(status).isEqualTo(2);
  }
}
