/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.security.Principal;

/**
 * An authenticated client of a view, as a {@link Principal} in the {@code Subject} the view runs
 * its calls under: a user of the users file with its role, or the anonymous loopback viewer. {@code
 * via} names the view ("jmx"); {@code client} is the client's address as the audit log shows it
 * ("192.0.2.7"), or {@value #UNKNOWN_CLIENT} when the view did not say.
 */
public record RolePrincipal(String name, Role role, String via, boolean anonymous, String client)
    implements Principal {
  public static final String UNKNOWN_CLIENT = "unknown";

  public RolePrincipal {
    client = client == null || client.isEmpty() ? UNKNOWN_CLIENT : client;
  }

  /** A principal whose client address is unknown. */
  public RolePrincipal(String name, Role role, String via, boolean anonymous) {
    this(name, role, via, anonymous, UNKNOWN_CLIENT);
  }

  @Override
  public String getName() {
    return name;
  }
}
