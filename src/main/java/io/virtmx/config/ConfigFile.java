/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the agent's config file: the command line's long options, one per line as {@code name =
 * value}, {@code #} comments, repeatable options repeated. It becomes the same arguments the
 * command line takes, so both stay documented in one place ({@code --help}).
 *
 * <pre>
 * connect = qemu:///system
 * connect = hv2=qemu+ssh://virtmx@hv2.example.com/system
 * interval = 15s
 * read-only = true
 * </pre>
 */
public final class ConfigFile {
  private ConfigFile() {}

  public static List<String> read(Path file) throws IOException {
    return toArguments(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  static List<String> toArguments(List<String> lines, String source) {
    List<String> args = new ArrayList<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip();
      if (key.isEmpty() || key.startsWith("-") || key.contains(" ")) {
        throw new IllegalArgumentException(
            source + ":" + number + ": expected 'option = value', got '" + line + "'");
      }
      args.add(eq < 0 ? "--" + key : "--" + key + "=" + line.substring(eq + 1).strip());
    }
    return args;
  }
}
