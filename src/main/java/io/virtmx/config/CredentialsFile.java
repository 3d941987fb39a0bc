/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads libvirt credentials for URIs that authenticate with a password: one line per URI, {@code
 * URI USERNAME PASSWORD} separated by white space (the password is the rest of the line). Keep the
 * file readable by the agent's user only.
 */
public final class CredentialsFile {
  private CredentialsFile() {}

  public static Map<String, AgentConfig.Credential> read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  static Map<String, AgentConfig.Credential> parse(List<String> lines, String source) {
    Map<String, AgentConfig.Credential> out = new HashMap<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 3) {
        throw new IllegalArgumentException(
            source + ":" + number + ": expected 'URI USERNAME PASSWORD'");
      }
      out.put(parts[0], new AgentConfig.Credential(parts[1], parts[2]));
    }
    return out;
  }
}
