/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.security.Role;

/**
 * One SNMPv3 USM user of the agent: SHA-256 authentication and AES-128 privacy with these
 * passphrases, and the role that decides its VACM views and what the operations service allows.
 */
public record SnmpUser(String name, Role role, String authPassphrase, String privPassphrase) {
  public SnmpUser {
    if (name.isEmpty() || name.length() > 32) {
      throw new IllegalArgumentException("SNMP user name must have 1 to 32 characters");
    }
    if (authPassphrase.length() < 8 || privPassphrase.length() < 8) {
      throw new IllegalArgumentException(
          "SNMP user '" + name + "': passphrases need at least 8 characters (RFC 3414)");
    }
  }

  @Override
  public String toString() {
    return name + " (" + role.label() + ")";
  }
}
