/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Name and password pairs a password check found right, remembered for a minute after their last
 * use, keyed by a SHA-256 of name and password and kept in memory only, so clients that send
 * credentials with every request (Prometheus, scripts) do not pay the deliberately slow password
 * hash each time, and a user whose password was verified keeps working while others guess (see
 * {@link LoginGuard}). The users file is read once at start, so checking the same pair again could
 * only give the same answer. At most {@value #MAX} pairs; when full, all are forgotten.
 */
final class RememberedLogins {
  static final long REMEMBER_NANOS = 60_000_000_000L;
  static final int MAX = 1000;

  private record Remembered(Role role, long untilNanos) {}

  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  RememberedLogins(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** The role of a remembered pair (its minute starting over), empty if not remembered. */
  Optional<Role> role(String name, char[] password) {
    String key = digest(name, password);
    long now = nanos.getAsLong();
    Remembered r = remembered.get(key);
    if (r == null) {
      return Optional.empty();
    }
    if (now - r.untilNanos() >= 0) {
      remembered.remove(key, r);
      return Optional.empty();
    }
    remembered.replace(key, r, new Remembered(r.role(), now + REMEMBER_NANOS));
    return Optional.of(r.role());
  }

  /** Forgets every remembered login (the users file changed: a password or role may have). */
  void clear() {
    remembered.clear();
  }

  void remember(String name, char[] password, Role role) {
    if (remembered.size() >= MAX) {
      remembered.clear();
    }
    remembered.put(
        digest(name, password), new Remembered(role, nanos.getAsLong() + REMEMBER_NANOS));
  }

  /** SHA-256 of the UTF-8 name, a NUL, and the UTF-8 password. */
  static String digest(String name, char[] password) {
    ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(pw.duplicate());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    } finally {
      if (pw.hasArray()) {
        Arrays.fill(pw.array(), (byte) 0);
      }
    }
  }
}
