/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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
  void aSymbolicLinkInsideADirectoryOrAsTheFileIsRefusedWhereverItPoints() throws Exception {
    Files.writeString(allowed.resolve("real.save"), "x");
    Files.createSymbolicLink(allowed.resolve("link"), outside.resolve("shadow"));
    Files.createSymbolicLink(allowed.resolve("inner"), allowed.resolve("real.save"));
    Files.createDirectory(allowed.resolve("sub"));
    Files.createSymbolicLink(allowed.resolve("subdir"), outside);
    Files.createSymbolicLink(allowed.resolve("sublink"), allowed.resolve("sub"));
    assertThat(dirs.check(allowed + "/link", false).refusal())
        .isEqualTo("'" + allowed + "/link': " + allowed + "/link is a symbolic link, which is not"
            + " allowed there (name the file itself)");
    assertThat(dirs.check(allowed + "/inner", true).refusal()).contains("is a symbolic link");
    assertThat(dirs.check(allowed + "/subdir/new.save", false).refusal())
        .contains(allowed + "/subdir is a symbolic link");
    assertThat(dirs.check(allowed + "/sublink/new.save", false).refusal())
        .contains("is a symbolic link");
    assertThat(dirs.check(allowed + "/sub/new.save", false).allowed()).isTrue();
    assertThat(dirs.check(allowed + "/real.save", true).allowed()).isTrue();
    Files.createSymbolicLink(allowed.resolve("dangling"), root.resolve("nowhere/x"));
    assertThat(dirs.check(allowed + "/dangling", false).allowed()).isFalse();
  }

  @Test
  void aLinkAboveTheDirectoriesIsFollowedToTheirRealPath() throws Exception {
    Path alias = Files.createSymbolicLink(root.resolve("alias"), allowed);
    ConfinedPaths.Check c = dirs.check(alias + "/new.save", false);
    assertThat(c.allowed()).isTrue();
    assertThat(c.path()).isEqualTo(allowed.toRealPath().resolve("new.save"));
  }

  @Test
  void aDirectoryOthersCouldWriteInIsRefusedAtStart() throws Exception {
    Path parent = Files.createDirectory(root.resolve("parent"));
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path disks = Files.createDirectory(parent.resolve("disks"));
    Files.setPosixFilePermissions(disks, PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(ConfinedPaths.of("--disk-dir", List.of(disks)).directories())
        .containsExactly(disks.toRealPath());

    Files.setPosixFilePermissions(disks, PosixFilePermissions.fromString("rwxrwxr-x"));
    assertThatThrownBy(() -> ConfinedPaths.of("--disk-dir", List.of(disks)))
        .hasMessage("--disk-dir " + disks + ": " + disks.toRealPath()
            + " is writable by group or others (rwxrwxr-x): only " + allowedOwners() + " may write there");
    Files.setPosixFilePermissions(disks, PosixFilePermissions.fromString("rwxr-xr-x"));
    // a parent others may write in: they could rename the directory away and put their own there
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(() -> ConfinedPaths.of("--disk-dir", List.of(disks)))
        .hasMessageContaining(parent.toRealPath() + " is writable by group or others (rwxrwxrwx)");
    // ... unless the sticky bit keeps them from renaming what is not theirs (/tmp)
    Files.setAttribute(parent, "unix:mode", 01777);
    assertThat(ConfinedPaths.of("--disk-dir", List.of(disks)).directories()).hasSize(1);
    // the sticky bit does not make the directory itself safe: others could plant links in it
    Files.setAttribute(disks, "unix:mode", 01777);
    assertThatThrownBy(() -> ConfinedPaths.of("--disk-dir", List.of(disks)))
        .hasMessageContaining(disks.toRealPath() + " is writable by group or others");
  }

  @Test
  void aDirectoryOwnedBySomeoneElseIsRefusedAtStart() throws Exception {
    Path parent = Files.createDirectory(root.resolve("parent"));
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path disks = Files.createDirectory(parent.resolve("disks"));
    UserPrincipal nobody =
        disks.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(disks, nobody);
    assertThatThrownBy(() -> ConfinedPaths.of("--save-dir", List.of(disks)))
        .hasMessage("--save-dir " + disks + ": " + disks.toRealPath() + " is owned by nobody, not " + allowedOwners());
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

  private static String allowedOwners() {
    String me = System.getProperty("user.name");
    return me.equals("root") ? "root" : "root or " + me;
  }
}
