/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads secrets such as key store passwords from files, so they never appear on a command line or
 * in ps.
 */
final class PasswordFiles {
  private PasswordFiles() {}

  /** The file's first line; an empty password when no file is given. */
  static char[] firstLine(Path file) throws IOException {
    if (file == null) {
      return new char[0];
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
  }
}
