/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.config.ConfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the config file's options in front of the command line's, so the command line wins for
 * single-valued options; {@code --connect} given on the command line replaces the file's hosts
 * instead of adding to them.
 */
final class ConfigArguments {
  private ConfigArguments() {}

  static String[] merge(String[] args) throws IOException {
    Path file = configPath(args);
    if (file == null) {
      return args;
    }
    List<String> fromFile = ConfigFile.read(file);
    boolean cliConnects =
        Arrays.stream(args).anyMatch(a -> a.equals("--connect") || a.startsWith("--connect="));
    List<String> merged = new ArrayList<>();
    for (String a : fromFile) {
      if (a.startsWith("--config")) {
        throw new IllegalArgumentException(file + ": 'config' cannot be nested in a config file");
      }
      if (!(cliConnects && a.startsWith("--connect="))) {
        merged.add(a);
      }
    }
    merged.addAll(List.of(args));
    return merged.toArray(String[]::new);
  }

  private static Path configPath(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    return null;
  }
}
