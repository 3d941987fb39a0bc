/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A users file for an agent under test, e.g. {@code TestUsers.operator("alice", "pw").viewer("bob",
 * "pw").save(dir.resolve("users"))}.
 */
public final class TestUsers {
  private UsersFile users = UsersFile.empty();

  private TestUsers() {}

  public static TestUsers operator(String name, String password) {
    return new TestUsers().with(name, Role.OPERATOR, password);
  }

  public static TestUsers viewer(String name, String password) {
    return new TestUsers().with(name, Role.VIEWER, password);
  }

  public TestUsers and(String name, Role role, String password) {
    return with(name, role, password);
  }

  public TestUsers andOperator(String name, String password) {
    return with(name, Role.OPERATOR, password);
  }

  public TestUsers andViewer(String name, String password) {
    return with(name, Role.VIEWER, password);
  }

  private TestUsers with(String name, Role role, String password) {
    users = users.with(name, role, password.toCharArray());
    return this;
  }

  /** The users as the agent reads them (for in-process views). */
  public UsersFile build() {
    return users;
  }

  /** Writes the file and returns its path. */
  public Path save(Path file) {
    try {
      users.save(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
