/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit the running jar was built from, read from the {@code
 * version.properties} resource the build writes (src/build/version-properties.sh); anything the
 * build could not know (no git checkout) is "unknown".
 */
record BuildInfo(String version, String commit, String commitTime) {
  static final String UNKNOWN = "unknown";
  private static final String RESOURCE = "version.properties";

  /**
   * Reads the resource shipped in the jar (or from the classes directory in a development build).
   */
  static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through: every field unknown
    }
    return of(p);
  }

  /** Builds the info from the properties, each one absent or left unfiltered becoming "unknown". */
  static BuildInfo of(Properties p) {
    String commit = value(p, "commit");
    if (!UNKNOWN.equals(commit) && "true".equals(value(p, "dirty"))) {
      commit = commit + "-dirty";
    }
    return new BuildInfo(value(p, "version"), commit, value(p, "commitTime"));
  }

  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "").trim();
    return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
  }
}
