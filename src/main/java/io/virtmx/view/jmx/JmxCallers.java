/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.ops.Caller;
import io.virtmx.security.RolePrincipal;
import java.security.AccessController;
import javax.security.auth.Subject;

/**
 * Who is calling an MBean, from the {@code Subject} the connector runs the call under: a user
 * authenticated by {@link ConnectorAuthenticator} (or any view that runs calls as a {@link
 * RolePrincipal}), the anonymous loopback viewer, or, with no Subject at all, a trusted local
 * caller (in-process, or attached by the same OS user).
 */
final class JmxCallers {
  private JmxCallers() {}

  static Caller current() {
    Subject subject = currentSubject();
    if (subject == null) {
      return Caller.localTrusted("jmx-local");
    }
    for (RolePrincipal p : subject.getPrincipals(RolePrincipal.class)) {
      return Caller.of(p);
    }
    return Caller.anonymousViewer("jmx"); // a Subject we did not create: never trusted
  }

  /**
   * Whether the current call runs under no Subject. Behind the remote connector that is the
   * connector's own code (finding the class loader to unmarshal a client's parameters with, its
   * notification buffer), never a client's request: the connector runs each of those under the
   * client's authenticated Subject.
   */
  static boolean connectorItself() {
    return currentSubject() == null;
  }

  @SuppressWarnings("removal") // Subject.current() is Java 18+; this is its Java 17 form
  private static Subject currentSubject() {
    return Subject.getSubject(AccessController.getContext());
  }
}
