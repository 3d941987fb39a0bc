/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where migrate may send a domain ({@code --migrate-allow}): each entry is a libvirt URI prefix
 * ({@code qemu+tls://198.18.0.2/system}, matched up to a path or query boundary) or a host name or
 * address ({@code 198.18.0.2}, any URI to that host). The destination URI must match one; the
 * address the migration data goes to must be the destination URI's host or a host an entry names.
 * Without entries, only the URIs the agent watches ({@code --connect}) are allowed.
 */
public final class MigrationDestinations {
  private final List<String> prefixes;
  private final List<String> hosts;
  private final String option;

  private MigrationDestinations(List<String> prefixes, List<String> hosts, String option) {
    this.prefixes = List.copyOf(prefixes);
    this.hosts = List.copyOf(hosts);
    this.option = option;
  }

  /**
   * The destinations {@code allowed} names or, when it is empty, the URIs in {@code watched}
   * (exactly); throws {@link IllegalArgumentException} for an empty or malformed entry.
   */
  public static MigrationDestinations of(List<String> allowed, List<String> watched) {
    List<String> prefixes = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    if (allowed.isEmpty()) {
      prefixes.addAll(watched);
      return new MigrationDestinations(prefixes, hosts, "--connect (the watched hosts)");
    }
    for (String entry : allowed) {
      String e = entry == null ? "" : entry.strip();
      if (e.contains("://")) {
        prefixes.add(e);
      } else if (!e.isEmpty() && e.matches("[A-Za-z0-9.:\\-\\[\\]]{1,255}")) {
        hosts.add(unbracketed(e.toLowerCase(Locale.ROOT)));
      } else {
        throw new IllegalArgumentException(
            "--migrate-allow '" + entry + "': give a libvirt URI prefix or a host name or address");
      }
    }
    return new MigrationDestinations(prefixes, hosts, "--migrate-allow");
  }

  /** Why a migration to {@code uri} with its data to {@code dataHost} is refused, or null. */
  String refusal(String uri, String dataHost) {
    String u = uri == null ? "" : uri.strip();
    String uriHost = unbracketed(MigrationOperations.hostOf(u));
    boolean uriOk =
        prefixes.stream().anyMatch(p -> matches(u, p))
            || (!uriHost.isEmpty() && hosts.contains(uriHost) && !u.contains("?"));
    if (!uriOk) {
      return "destination '" + Attempt.withoutPassword(u) + "' is not allowed by " + option;
    }
    String data = unbracketed(dataHost == null ? "" : dataHost.strip().toLowerCase(Locale.ROOT));
    if (data.isEmpty() || data.equals(uriHost) || hosts.contains(data) || prefixHost(data)) {
      return null;
    }
    return "migration data address '" + dataHost + "' is not allowed by " + option
        + " (use the destination's host or an allowed host)";
  }

  private boolean prefixHost(String host) {
    return prefixes.stream().anyMatch(p -> unbracketed(MigrationOperations.hostOf(p)).equals(host));
  }

  /** {@code uri} starts with {@code prefix} and the match ends at a boundary of the URI. */
  private static boolean matches(String uri, String prefix) {
    if (uri.equals(prefix)) {
      return true;
    }
    if (!uri.startsWith(prefix) || uri.indexOf('?') >= 0 && uri.indexOf('?') >= prefix.length()) {
      return false;
    }
    char next = uri.charAt(prefix.length());
    return prefix.endsWith("/") || next == '/';
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
