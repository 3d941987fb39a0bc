/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import io.virtmx.security.RolePrincipal;

/**
 * The client whose request this thread is handling, set by {@link JolokiaHandler} around Jolokia's
 * processing so that {@link RoleRestrictor} sees its role; {@code origin} is this server's own
 * origin as the client addressed it ({@code http://127.0.0.1:8778}), for same-origin checks.
 */
record Client(RolePrincipal principal, String origin) {
  private static final ThreadLocal<Client> CURRENT = new ThreadLocal<>();

  /** The client of the current request; never null (an anonymous viewer outside any request). */
  static Client current() {
    Client c = CURRENT.get();
    return c != null ? c : new Client(JolokiaHandler.anonymous(), null);
  }

  static void set(Client client) {
    CURRENT.set(client);
  }

  static void clear() {
    CURRENT.remove();
  }
}
