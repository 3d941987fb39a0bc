/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;

/**
 * Who asks for an operation, as the view authenticated them: a user of the users file with its
 * role, or the trusted local attach (same OS user, as the JDK's own local JMX agent trusts it), or
 * an anonymous loopback viewer; {@code client} is the address they came from as the audit log shows
 * it ("192.0.2.7"; "local" for the local attach, "unknown" when the view did not say).
 */
public record Caller(String name, Role role, String via, String client) {
  public Caller {
    client = client == null || client.isEmpty() ? RolePrincipal.UNKNOWN_CLIENT : client;
  }

  /** A caller whose address the view did not give. */
  public Caller(String name, Role role, String via) {
    this(name, role, via, RolePrincipal.UNKNOWN_CLIENT);
  }

  /** The caller a view's authenticated principal stands for, with its address. */
  public static Caller of(RolePrincipal principal) {
    return principal.anonymous()
        ? anonymousViewer(principal.via(), principal.client())
        : new Caller(principal.name(), principal.role(), principal.via(), principal.client());
  }

  public static Caller localTrusted(String via) {
    return new Caller("local", Role.OPERATOR, via, "local");
  }

  public static Caller anonymousViewer(String via) {
    return anonymousViewer(via, RolePrincipal.UNKNOWN_CLIENT);
  }

  public static Caller anonymousViewer(String via, String client) {
    return new Caller("anonymous", Role.VIEWER, via, client);
  }

  @Override
  public String toString() {
    return name + " (" + role.label() + ", " + via + ", " + client + ")";
  }
}
