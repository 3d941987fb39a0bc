/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.util.Locale;

/** What an authenticated user may do, on every view alike: read, or read and run operations. */
public enum Role {
  VIEWER,
  OPERATOR;

  public boolean mayOperate() {
    return this == OPERATOR;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + text + "' (use viewer or operator)");
  }
}
