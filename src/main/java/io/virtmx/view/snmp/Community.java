/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.security.Role;

/** An SNMPv1/v2c community the agent accepts and the role its requests have. */
public record Community(String name, Role role) {
  public Community {
    if (name.isEmpty() || name.length() > 32) {
      throw new IllegalArgumentException("SNMP community must have 1 to 32 characters");
    }
  }

  /** Parses {@code NAME:ROLE}, e.g. {@code public:viewer}. */
  public static Community parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "--snmp-community " + text + ": expected NAME:viewer or NAME:operator");
    }
    return new Community(text.substring(0, colon), Role.parse(text.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "community (" + role.label() + ")";
  }
}
