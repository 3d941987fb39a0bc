/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open enumerations of the pull operations: the full result, taken when the enumeration was opened,
 * handed out in pieces. At most {@link #MAX_OPEN} at once; each expires after its OperationTimeout
 * (default 30 s, at most 5 min) without a pull. Context ids are random.
 */
final class PullContexts {
  static final int MAX_OPEN = 64;
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One open enumeration: its results, how far it got, whether it returns paths only, its
   * namespace.
   */
  static final class Context {
    final List<Found> results;
    final boolean pathsOnly;
    final Object filter;
    final Duration timeout;
    int position;
    long expiresAtNanos;

    Context(List<Found> results, boolean pathsOnly, Object filter, Duration timeout) {
      this.results = results;
      this.pathsOnly = pathsOnly;
      this.filter = filter;
      this.timeout = timeout;
    }

    List<Found> next(int max) {
      int end = (int) Math.min(results.size(), (long) position + max);
      List<Found> piece = results.subList(position, end);
      position = end;
      return piece;
    }

    boolean finished() {
      return position >= results.size();
    }
  }

  private final Map<String, Context> open = new LinkedHashMap<>();

  synchronized String add(Context c) {
    sweep();
    if (open.size() >= MAX_OPEN) {
      throw new CimException(
          CimException.SERVER_LIMITS_EXCEEDED, "too many open enumerations (" + MAX_OPEN + ")");
    }
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    String key = HexFormat.of().formatHex(id);
    c.expiresAtNanos = System.nanoTime() + c.timeout.toNanos();
    open.put(key, c);
    return key;
  }

  synchronized Context take(String id) {
    sweep();
    Context c = id == null ? null : open.get(id);
    if (c == null) {
      throw new CimException(
          CimException.INVALID_ENUMERATION_CONTEXT,
          "no open enumeration '" + id + "' (closed or expired)");
    }
    c.expiresAtNanos = System.nanoTime() + c.timeout.toNanos();
    return c;
  }

  synchronized void close(String id) {
    if (open.remove(id) == null) {
      throw new CimException(
          CimException.INVALID_ENUMERATION_CONTEXT, "no open enumeration '" + id + "'");
    }
  }

  synchronized int size() {
    sweep();
    return open.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    open.values().removeIf(c -> now - c.expiresAtNanos > 0);
  }

  static Duration timeout(long seconds) {
    if (seconds < 0) {
      return DEFAULT_TIMEOUT;
    }
    if (seconds == 0 || seconds > MAX_TIMEOUT.toSeconds()) {
      throw new CimException(
          CimException.INVALID_OPERATION_TIMEOUT,
          "OperationTimeout must be 1.." + MAX_TIMEOUT.toSeconds() + " seconds");
    }
    return Duration.ofSeconds(seconds);
  }
}
