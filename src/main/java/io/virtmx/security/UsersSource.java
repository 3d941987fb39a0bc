/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The users file the agent was started with, and whether it changed since it was last read: its
 * modification time, size and file key (a file replaced by rename, as {@code virtmx user add} does,
 * has a new key even within the same second).
 */
final class UsersSource {
  private final Path file;
  private volatile Object stamp;

  UsersSource(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** The file's users now; remembers what the file looked like when read. */
  UsersFile load() throws IOException {
    stamp = stamp(); // a file that fails to load is tried again only once it changes again
    return UsersFile.load(file);
  }

  /** Whether the file looks different from when it was last read (gone counts as different). */
  boolean changed() {
    return !Objects.equals(stamp, stamp());
  }

  private Object stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }
}
