/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the SNMPv3 users file ({@code --snmp-users}): one user a line, {@code NAME ROLE
 * AUTH-PASSPHRASE PRIV-PASSPHRASE}, {@code #} comments; refused when others may read it, since USM
 * keys are derived from the passphrases themselves.
 */
public final class SnmpUsersFile {
  private SnmpUsersFile() {}

  public static List<SnmpUser> read(Path file) throws IOException {
    checkPrivate(file);
    List<SnmpUser> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] fields = text.split("\\s+");
      if (fields.length != 4) {
        throw new IllegalArgumentException(
            file + ":" + lineNumber + ": expected NAME ROLE AUTH-PASSPHRASE PRIV-PASSPHRASE");
      }
      SnmpUser user;
      try {
        user = new SnmpUser(fields[0], Role.parse(fields[1]), fields[2], fields[3]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
      }
      if (!names.add(user.name())) {
        throw new IllegalArgumentException(
            file + ":" + lineNumber + ": user '" + user.name() + "' given twice");
      }
      users.add(user);
    }
    return List.copyOf(users);
  }

  private static void checkPrivate(Path file) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (posix == null) {
      return;
    }
    Set<PosixFilePermission> perms = posix.readAttributes().permissions();
    if (perms.contains(PosixFilePermission.OTHERS_READ)
        || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IllegalArgumentException(
          "--snmp-users " + file + " is readable or writable by others: chmod o-rw it");
    }
  }
}
