/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths inside the configured directories pass with their real location; every escape fails. */
class ConfinedPathsTest {
  @TempDir Path root;
  private Path allowed;
  private Path outside;
  private ConfinedPaths dirs;

  @BeforeEach
  void directories() throws Exception {
    allowed = Files.createDirectory(root.resolve("save"));
    outside = Files.createDirectory(root.resolve("etc"));
    Files.writeString(outside.resolve("shadow"), "secret");
    dirs = ConfinedPaths.of("--save-dir", List.of(allowed));
  }

  @Test
  void aNewOrExistingFileInsideIsAllowedAsItsRealPath() throws Exception {
    ConfinedPaths.Check fresh = dirs.check(allowed + "/web1.save", false);
    assertThat(fresh.allowed()).isTrue();
    assertThat(fresh.path()).isEqualTo(allowed.toRealPath().resolve("web1.save"));
    Files.writeString(allowed.resolve("old.save"), "x");
    assertThat(dirs.check(allowed + "/old.save", true).allowed()).isTrue();
  }

  @Test
  void outsideDotsAndRelativePathsAreRefused() {
    assertThat(dirs.check(outside + "/shadow", false).refusal())
        .contains("is outside every --save-dir (" + allowed);
    assertThat(dirs.check(allowed + "/../etc/shadow", false).refusal())
        .contains("must not contain '..'");
    assertThat(dirs.check("save/x", false).refusal()).contains("must be absolute");
    assertThat(dirs.check("", false).refusal()).isEqualTo("the file path is empty");
    assertThat(dirs.check(allowed.toString(), false).refusal()).contains("is a directory");
  }

  @Test
  void aSymbolicLinkLeadingOutIsRefusedByItsRealPath() throws Exception {
    Files.createSymbolicLink(allowed.resolve("link"), outside.resolve("shadow"));
    Files.createSymbolicLink(allowed.resolve("subdir"), outside);
    assertThat(dirs.check(allowed + "/link", false).refusal()).contains("(really ");
    assertThat(dirs.check(allowed + "/subdir/new.save", false).refusal()).contains("outside");
    Files.createSymbolicLink(allowed.resolve("dangling"), root.resolve("nowhere/x"));
    assertThat(dirs.check(allowed + "/dangling", false).allowed()).isFalse();
  }

  @Test
  void missingFilesAndNoDirectoriesAreRefused() {
    assertThat(dirs.check(allowed + "/none.save", true).refusal()).startsWith("no such file");
    assertThat(dirs.check(allowed + "/no/dir/x", false).refusal()).startsWith("no such directory");
    assertThat(ConfinedPaths.none("--disk-dir").check("/srv/a.img", true).refusal())
        .startsWith("no --disk-dir is configured");
    assertThatThrownBy(() -> ConfinedPaths.of("--save-dir", List.of(root.resolve("nope"))))
        .hasMessage("--save-dir " + root.resolve("nope") + ": no such directory");
  }
}
