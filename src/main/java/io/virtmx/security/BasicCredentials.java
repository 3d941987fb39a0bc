/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP basic authentication for every HTTP view (metrics, Jolokia, CIM): decodes the {@code
 * Authorization} header and logs the client in through {@link Authenticator#login}, which remembers
 * right passwords, throttles failures and audits them. A view answers {@link LoginResult.Refused}
 * with 401 and {@link LoginResult.Throttled} with 429 and {@code Retry-After}. Without a users file
 * every client is the anonymous viewer.
 */
public final class BasicCredentials {
  private final Authenticator auth;
  private final String via;

  /**
   * @param via the view's name as it appears in the audit log, e.g. "jolokia"
   */
  public BasicCredentials(Authenticator auth, String via) {
    this.auth = auth;
    this.via = via;
  }

  /**
   * Logs in the client at {@code client} that sent this {@code Authorization} header value (or
   * none: null); a header that is not well-formed basic credentials is refused as "authentication
   * failed" without a password check.
   */
  public LoginResult principal(String authorization, InetAddress client) {
    if (!auth.required()) {
      return auth.login(via, client, null, null);
    }
    if (authorization == null) {
      return LoginResult.Refused.REQUIRED;
    }
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return LoginResult.Refused.FAILED;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
    } catch (IllegalArgumentException e) {
      return LoginResult.Refused.FAILED;
    }
    String pair = new String(decoded, StandardCharsets.UTF_8);
    Arrays.fill(decoded, (byte) 0);
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return LoginResult.Refused.FAILED;
    }
    return check(pair.substring(0, colon), pair.substring(colon + 1), client);
  }

  /** Logs in a user name and password sent by the client at {@code client} (null: unknown). */
  public LoginResult check(String name, String password, InetAddress client) {
    char[] chars = password == null ? null : password.toCharArray();
    try {
      return auth.login(via, client, name, chars);
    } finally {
      if (chars != null) {
        Arrays.fill(chars, '\0');
      }
    }
  }

  /**
   * The client with that {@code Authorization} header value, or empty when it must be refused
   * (401); a throttled client is refused too. Prefer {@link #principal(String, InetAddress)}.
   */
  public Optional<RolePrincipal> principal(String authorization) {
    return principal(authorization, null).accepted();
  }

  /**
   * A user name and password checked against the users file (remembered when right). Prefer {@link
   * #check(String, String, InetAddress)}.
   */
  public Optional<RolePrincipal> check(String name, String password) {
    return check(name, password, null).accepted();
  }
}
