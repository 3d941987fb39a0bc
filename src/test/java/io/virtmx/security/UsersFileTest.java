/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the users file is written (a new one private, a rewritten one with the access it had) and how
 * an unknown user is checked.
 */
class UsersFileTest {

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void aNewFileIsPrivateAndARewrittenOneKeepsItsMode(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("users");
    UsersFile.empty().save(file);
    assertThat(mode(file)).isEqualTo("rw-------");
    // An administrator lets the service's group read it (the Debian package's service user).
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    UsersFile.load(file).save(file);
    assertThat(mode(file)).isEqualTo("rw-r-----");
  }

  @Test
  void anUnknownUserIsCheckedAgainstAHashAsCostlyAsARealOneThatNothingMatches() {
    String real = PasswordHash.hash("secret".toCharArray());
    String costOf = real.substring(0, real.indexOf('$', real.indexOf('$') + 1));
    assertThat(PasswordHash.UNMATCHABLE).startsWith(costOf + "$");
    assertThat(PasswordHash.UNMATCHABLE.length()).isEqualTo(real.length());
    assertThat(PasswordHash.verify(new char[0], PasswordHash.UNMATCHABLE)).isFalse();
    assertThat(PasswordHash.verify("virtmx-dummy".toCharArray(), PasswordHash.UNMATCHABLE))
        .isFalse();
    UsersFile users = UsersFile.empty().with("alice", Role.VIEWER, "secret".toCharArray());
    assertThat(users.authenticate("mallory", "secret".toCharArray())).isEmpty();
    assertThat(users.authenticate("alice", "secret".toCharArray())).contains(Role.VIEWER);
  }
}
