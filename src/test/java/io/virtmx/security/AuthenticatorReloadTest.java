/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorReloadTest {
  @TempDir Path dir;

  @Test
  void aChangedFileIsReadAgainAndABrokenOneKeepsThePreviousUsers() throws Exception {
    Path file = dir.resolve("users");
    UsersFile.empty().with("alice", Role.OPERATOR, "alice-pw".toCharArray()).save(file);
    Authenticator auth = Authenticator.fromFile(file, LoginSettings.DEFAULTS);
    assertThat(auth.authenticate("alice", "alice-pw".toCharArray())).contains(Role.OPERATOR);

    assertThat(auth.reloadIfChanged()).as("unchanged").isFalse();

    UsersFile.load(file).with("alice", Role.VIEWER, "new-pw-1".toCharArray()).save(file);
    assertThat(auth.reloadIfChanged()).as("changed").isTrue();
    assertThat(auth.authenticate("alice", "alice-pw".toCharArray()))
        .as("the remembered old password is forgotten")
        .isEmpty();
    assertThat(auth.authenticate("alice", "new-pw-1".toCharArray())).contains(Role.VIEWER);

    Files.writeString(file, "not a users file\n");
    assertThat(auth.reloadIfChanged()).as("broken file not taken").isFalse();
    assertThat(auth.authenticate("alice", "new-pw-1".toCharArray())).contains(Role.VIEWER);
    assertThat(auth.reloadIfChanged()).as("tried once per change").isFalse();
  }
}
