/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs net-snmp's own tools (snmpget, snmpset, snmpwalk, snmptable) against the agent as one
 * SNMPv3 user or community, with our MIB files loaded, and parses their tables.
 */
final class NetSnmp {
  static final Path MIBS = Path.of("mibs-and-mof").toAbsolutePath();
  static final String OPERATOR = "alice";
  static final String VIEWER = "bob";
  static final String OPERATOR_AUTH = "alice-auth-pass";
  static final String VIEWER_AUTH = "bob-auth-pass1";

  private final String target;
  private final List<String> credentials;

  private NetSnmp(int port, List<String> credentials) {
    this.target = "udp:127.0.0.1:" + port;
    this.credentials = credentials;
  }

  /** Writes the users file of {@link #OPERATOR} and {@link #VIEWER}, private to its owner. */
  static Path usersFile(Path dir) {
    Path file = dir.resolve("snmp-users");
    try {
      Files.writeString(
          file,
          "# name role auth-passphrase priv-passphrase\n"
              + OPERATOR + " operator " + OPERATOR_AUTH + " alice-priv-pass\n"
              + VIEWER + " viewer " + VIEWER_AUTH + " bob-priv-pass1\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static NetSnmp operator(int port) {
    return user(port, OPERATOR, OPERATOR_AUTH, "alice-priv-pass");
  }

  static NetSnmp viewer(int port) {
    return user(port, VIEWER, VIEWER_AUTH, "bob-priv-pass1");
  }

  static NetSnmp user(int port, String name, String auth, String priv) {
    return new NetSnmp(
        port,
        List.of(
            "-v3", "-l", "authPriv", "-u", name, "-a", "SHA-256", "-A", auth, "-x", "AES", "-X",
            priv));
  }

  static NetSnmp community(int port, String community) {
    return new NetSnmp(port, List.of("-v2c", "-c", community));
  }

  /** Runs {@code tool} with the credentials, our MIBs, a 2 s timeout and one retry. */
  TestBed.Result run(String tool, String... args) {
    return run(1, tool, args);
  }

  /** Runs {@code tool} sending the request once, waiting 1 s for the answer. */
  TestBed.Result once(String tool, String... args) {
    return run(0, tool, args);
  }

  /**
   * Runs {@code tool} sending the request once and waiting up to 15 s: for a set the agent answers
   * when libvirt has done it (destroying a QEMU domain takes seconds on a loaded host), which a
   * retry would send a second time.
   */
  TestBed.Result slow(String tool, String... args) {
    return run(0, "15", tool, args);
  }

  private TestBed.Result run(int retries, String tool, String... args) {
    return run(retries, retries == 0 ? "1" : "2", tool, args);
  }

  private TestBed.Result run(int retries, String timeoutSeconds, String tool, String... args) {
    List<String> cmd = new ArrayList<>(List.of(tool));
    cmd.addAll(credentials);
    cmd.addAll(
        List.of(
            "-M", "+" + MIBS, "-m", "LIBVIRT-MIB:VM-MIB", "-t", timeoutSeconds, "-r",
            String.valueOf(retries), target));
    cmd.addAll(List.of(args));
    return TestBed.run(cmd);
  }

  /** snmpget -Oqv of one object: its value only. */
  String get(String oid) {
    String value = run("snmpget", "-OUqv", oid).orThrow().stdout().strip();
    return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /**
   * snmptable of {@code table} as rows of column name to value, keyed by the value of {@code
   * keyColumn}.
   */
  Map<String, Map<String, String>> table(String table, String keyColumn) {
    String out = run("snmptable", "-Cf", "|", "-Cb", "-OU", table).orThrow().stdout();
    List<String> lines = out.lines().filter(l -> l.contains("|")).toList();
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    if (lines.isEmpty()) {
      return rows;
    }
    String[] header = lines.get(0).split("\\|", -1);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\|", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i], cells[i].replace("\"", "").strip());
      }
      rows.put(row.get(keyColumn), row);
    }
    return rows;
  }
}
