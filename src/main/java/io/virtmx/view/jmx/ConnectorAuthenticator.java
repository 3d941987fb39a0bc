/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.security.Authenticator;
import io.virtmx.security.LoginResult;
import io.virtmx.security.RolePrincipal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.Arrays;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Checks the credentials of a remote JMX client ({@code String[]{user, password}}, as JConsole
 * sends them) through {@link Authenticator#login} with the client's address, and returns a Subject
 * carrying the user's role and address. Wrong credentials and throttled logins (too many failures
 * from that address or for that user) are refused with a {@code SecurityException}. Without a users
 * file every client is the anonymous viewer (the connector then only listens on loopback).
 */
final class ConnectorAuthenticator implements JMXAuthenticator {
  private final Authenticator auth;

  ConnectorAuthenticator(Authenticator auth) {
    this.auth = auth;
  }

  @Override
  public Subject authenticate(Object credentials) {
    InetAddress client = clientAddress();
    if (!auth.required()) {
      return subject(auth.login("jmx", client, null, null));
    }
    if (!(credentials instanceof String[] pair)
        || pair.length != 2
        || pair[0] == null
        || pair[1] == null) {
      throw new SecurityException("authentication required: connect with a user name and password");
    }
    char[] password = pair[1].toCharArray();
    try {
      LoginResult result = auth.login("jmx", client, pair[0], password);
      if (result instanceof LoginResult.Refused) {
        throw new SecurityException("authentication failed: wrong user name or password");
      }
      if (result instanceof LoginResult.Throttled t) {
        throw new SecurityException(t.message());
      }
      return subject(result);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The address of the RMI client being served; null outside an RMI call (in-process tests). */
  private static InetAddress clientAddress() {
    try {
      return InetAddress.getByName(RemoteServer.getClientHost());
    } catch (ServerNotActiveException | UnknownHostException e) {
      return null;
    }
  }

  private static Subject subject(LoginResult accepted) {
    RolePrincipal principal = accepted.accepted().orElseThrow();
    return new Subject(
        true, Set.of(principal, new JMXPrincipal(principal.getName())), Set.of(), Set.of());
  }
}
