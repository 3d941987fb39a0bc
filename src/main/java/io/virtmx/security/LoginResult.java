/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.util.Optional;

/**
 * The answer to a login, the same for every view: accepted (the principal to run the request as),
 * refused (no or wrong credentials: HTTP 401) or throttled (too many failures, or too many checks
 * at once: HTTP 429 with {@code Retry-After}, a {@code SecurityException} on JMX).
 */
public sealed interface LoginResult {
  /** The principal when accepted, empty otherwise. */
  default Optional<RolePrincipal> accepted() {
    return this instanceof Accepted a ? Optional.of(a.principal()) : Optional.empty();
  }

  /** The text to show the client. */
  String message();

  /** Right credentials, or no users file (the anonymous viewer). */
  record Accepted(RolePrincipal principal) implements LoginResult {
    @Override
    public String message() {
      return "authenticated as " + principal.name();
    }
  }

  /** No credentials ("authentication required") or wrong ones ("authentication failed"). */
  record Refused(String message) implements LoginResult {
    public static final Refused REQUIRED = new Refused("authentication required");
    public static final Refused FAILED = new Refused("authentication failed");
  }

  /**
   * Not checked: the address or user name is in a delay or lock-out, or the agent is busy checking
   * other passwords; the client may try again after {@code retryAfterSeconds} (at least 1).
   */
  record Throttled(String message, long retryAfterSeconds) implements LoginResult {}
}
