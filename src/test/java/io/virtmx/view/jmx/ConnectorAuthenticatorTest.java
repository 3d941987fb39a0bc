/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.ops.Caller;
import io.virtmx.security.Authenticator;
import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import java.security.PrivilegedAction;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/** Remote JMX credentials become the caller the operations service sees. */
class ConnectorAuthenticatorTest {
  private static final UsersFile USERS =
      UsersFile.empty()
          .with("alice", Role.OPERATOR, "alice-secret".toCharArray())
          .with("bob", Role.VIEWER, "bob-secret".toCharArray());

  @SuppressWarnings("removal") // Subject.doAs is how the RMI connector runs each call on Java 17
  private static Caller callerOf(Subject subject) {
    return Subject.doAs(subject, (PrivilegedAction<Caller>) JmxCallers::current);
  }

  @Test
  void usersAreAuthenticatedWithTheirRole() {
    ConnectorAuthenticator auth = new ConnectorAuthenticator(Authenticator.of(USERS));
    assertThat(callerOf(auth.authenticate(new String[] {"alice", "alice-secret"})))
        .isEqualTo(new Caller("alice", Role.OPERATOR, "jmx"));
    assertThat(callerOf(auth.authenticate(new String[] {"bob", "bob-secret"})))
        .isEqualTo(new Caller("bob", Role.VIEWER, "jmx"));
    assertThatThrownBy(() -> auth.authenticate(new String[] {"alice", "wrong"}))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("authentication failed");
    assertThatThrownBy(() -> auth.authenticate(null))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("authentication required");
  }

  @Test
  void withoutUsersFileRemoteClientsAreAnonymousViewersAndOnlyInProcessCallersAreTrusted() {
    ConnectorAuthenticator auth = new ConnectorAuthenticator(Authenticator.none());
    assertThat(callerOf(auth.authenticate(null))).isEqualTo(Caller.anonymousViewer("jmx"));
    assertThat(callerOf(auth.authenticate(new String[] {"alice", "anything"})))
        .isEqualTo(Caller.anonymousViewer("jmx"));
    assertThat(JmxCallers.current()).isEqualTo(Caller.localTrusted("jmx-local"));
    assertThat(callerOf(new Subject())).isEqualTo(Caller.anonymousViewer("jmx"));
  }
}
