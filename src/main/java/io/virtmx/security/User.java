/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

/** One line of the users file: a name, its role and its password hash. */
public record User(String name, Role role, String passwordHash) {
  public User {
    if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "invalid user name '" + name + "' (letters, digits, . _ @ - only)");
    }
  }
}
