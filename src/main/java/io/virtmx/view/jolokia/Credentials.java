package io.virtmx.view.jolokia;

import io.virtmx.security.Authenticator;
import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Basic-auth credentials checked against the agent's users file. A successful check is remembered for a minute
 * (by a SHA-256 of name and password, in memory only) so that scripts sending credentials with every request do
 * not pay the slow password hash each time. Without a users file every client is the anonymous viewer.
 */
final class Credentials {
  private static final long REMEMBER_NANOS = 60_000_000_000L;

  /** A remembered successful check. */
  private record Remembered(Role role, long untilNanos) {}

  private final Authenticator auth;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  Credentials(Authenticator auth) {
    this.auth = auth;
  }

  /** The client with that Authorization header value, or empty when it must be refused with 401. */
  Optional<RolePrincipal> principal(String authorization) {
    if (!auth.required()) {
      return Optional.of(JolokiaHandler.anonymous());
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String name = decoded.substring(0, colon);
    String digest = digest(decoded);
    Remembered r = remembered.get(digest);
    long now = System.nanoTime();
    if (r == null || now - r.untilNanos() >= 0) {
      Optional<Role> role = auth.authenticate(name, decoded.substring(colon + 1).toCharArray());
      if (role.isEmpty()) {
        remembered.remove(digest);
        return Optional.empty();
      }
      if (remembered.size() > 1000) {
        remembered.clear();
      }
      r = new Remembered(role.get(), now + REMEMBER_NANOS);
      remembered.put(digest, r);
    }
    return Optional.of(new RolePrincipal(name, r.role(), "jolokia", false));
  }

  private static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
