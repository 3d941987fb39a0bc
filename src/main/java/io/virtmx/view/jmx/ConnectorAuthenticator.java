package io.virtmx.view.jmx;

import io.virtmx.security.Authenticator;
import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Checks the credentials of a remote JMX client ({@code String[]{user, password}}, as JConsole
 * sends them) against the agent's users file and returns a Subject carrying the user's role.
 * Without a users file every client is the anonymous viewer (the connector then only listens on
 * loopback).
 */
final class ConnectorAuthenticator implements JMXAuthenticator {
  private final Authenticator auth;

  ConnectorAuthenticator(Authenticator auth) {
    this.auth = auth;
  }

  @Override
  public Subject authenticate(Object credentials) {
    if (!auth.required()) {
      return subject(new RolePrincipal("anonymous", Role.VIEWER, "jmx", true));
    }
    if (!(credentials instanceof String[] pair)
        || pair.length != 2
        || pair[0] == null
        || pair[1] == null) {
      throw new SecurityException("authentication required: connect with a user name and password");
    }
    char[] password = pair[1].toCharArray();
    try {
      Optional<Role> role = auth.authenticate(pair[0], password);
      return subject(
          new RolePrincipal(
              pair[0],
              role.orElseThrow(
                  () ->
                      new SecurityException("authentication failed: wrong user name or password")),
              "jmx",
              false));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static Subject subject(RolePrincipal principal) {
    return new Subject(
        true, Set.of(principal, new JMXPrincipal(principal.getName())), Set.of(), Set.of());
  }
}
