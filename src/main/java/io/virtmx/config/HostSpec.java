/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * One host to watch: a libvirt URI and optionally the name to publish it under ({@code --connect
 * NAME=URI}); without a name the host is published under the hostname libvirt reports.
 */
public record HostSpec(String name, String uri) {

  /**
   * Parses {@code URI} or {@code NAME=URI}; a '=' after the URI's scheme (a query parameter) is
   * part of the URI.
   */
  public static HostSpec parse(String text) {
    String s = text.strip();
    int eq = s.indexOf('=');
    int colon = s.indexOf(':');
    String name = null;
    String uri = s;
    if (eq > 0 && (colon < 0 || eq < colon)) {
      name = s.substring(0, eq).strip();
      uri = s.substring(eq + 1).strip();
    }
    validateUri(uri);
    return new HostSpec(name == null || name.isEmpty() ? null : name, uri);
  }

  private static void validateUri(String uri) {
    try {
      URI parsed = new URI(uri);
      if (parsed.getScheme() == null) {
        throw new IllegalArgumentException(
            "invalid libvirt URI '" + uri + "': no scheme (expected e.g. qemu:///system)");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid libvirt URI '" + uri + "': " + e.getReason());
    }
  }
}
