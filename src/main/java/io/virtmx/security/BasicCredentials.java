package io.virtmx.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP basic authentication against the users file, for every HTTP view (metrics, Jolokia, CIM). A
 * successful check is remembered for a minute, keyed by a SHA-256 of name and password and kept in
 * memory only, so clients that send credentials with every request (Prometheus, scripts) do not pay
 * the deliberately slow password hash each time. Without a users file every client is the anonymous
 * viewer.
 */
public final class BasicCredentials {
  private static final long REMEMBER_NANOS = 60_000_000_000L;
  private static final int MAX_REMEMBERED = 1000;

  private record Remembered(Role role, long untilNanos) {}

  private final Authenticator auth;
  private final String via;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  /**
   * @param via the view's name as it appears in the audit log, e.g. "jolokia"
   */
  public BasicCredentials(Authenticator auth, String via) {
    this.auth = auth;
    this.via = via;
  }

  /**
   * The client with that {@code Authorization} header value, or empty when it must be refused
   * (401).
   */
  public Optional<RolePrincipal> principal(String authorization) {
    if (!auth.required()) {
      return Optional.of(new RolePrincipal("anonymous", Role.VIEWER, via, true));
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return check(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** A user name and password checked against the users file (remembered when right). */
  public Optional<RolePrincipal> check(String name, String password) {
    String digest = digest(name + ":" + password);
    long now = System.nanoTime();
    Remembered r = remembered.get(digest);
    if (r == null || now - r.untilNanos() >= 0) {
      Optional<Role> role = auth.authenticate(name, password.toCharArray());
      if (role.isEmpty()) {
        remembered.remove(digest);
        return Optional.empty();
      }
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      r = new Remembered(role.get(), now + REMEMBER_NANOS);
      remembered.put(digest, r);
    }
    return Optional.of(new RolePrincipal(name, r.role(), via, false));
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
