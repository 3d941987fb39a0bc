/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import io.virtmx.security.LoginGuard.Cause;
import io.virtmx.security.LoginGuard.Lockout;
import io.virtmx.security.LoginGuard.Refusal;
import io.virtmx.security.LoginGuard.Scope;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failed logins of one {@link Scope} (client addresses or user names) for the {@link
 * LoginGuard}: per key the consecutive failures, the delay they impose (none for the first {@link
 * LoginSettings#freeFailures()}, then doubling up to the cap) and the lock-out that {@link
 * LoginSettings#lockoutFailures()} failures within the window start. Capped at {@link
 * LoginSettings#maxTracked()} keys: expired ones go first, then the least recently used. Not
 * thread-safe: the guard calls it under its own lock.
 */
final class FailureCounts {
  /** One failure counted: the key's consecutive failures and the delay (nanos) it imposes. */
  record Counted(int failures, long delayNanos) {}

  private final LoginSettings settings;
  private final Scope scope;
  private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(64, 0.75f, true);

  FailureCounts(LoginSettings settings, Scope scope) {
    this.settings = settings;
    this.scope = scope;
  }

  /** The refusal for {@code key} while its delay or lock-out runs, else null. */
  Refusal blocked(String key, long now) {
    Entry e = map.get(key);
    if (e == null || now - e.blockedUntil >= 0) {
      return null;
    }
    return new Refusal(
        scope,
        e.lockedOut ? Cause.LOCKED_OUT : Cause.DELAYED,
        LoginGuard.seconds(e.blockedUntil - now));
  }

  /** Counts one failure of {@code key}, adding to {@code lockouts} any lock-out it starts. */
  Counted fail(String key, long now, List<Lockout> lockouts) {
    Entry e = entry(key, now, settings.lockoutWindow().toNanos());
    e.failures++;
    e.lastFailure = now;
    e.recent[e.next] = now;
    e.next = (e.next + 1) % e.recent.length;
    e.recentCount = Math.min(e.recentCount + 1, e.recent.length);
    long oldest = e.recent[e.next % e.recent.length];
    if (e.recentCount == e.recent.length && now - oldest < settings.lockoutWindow().toNanos()) {
      e.recentCount = 0;
      e.lockedOut = true;
      e.blockedUntil = now + settings.lockout().toNanos();
      lockouts.add(new Lockout(scope, e.failures, settings.lockout()));
      return new Counted(e.failures, settings.lockout().toNanos());
    }
    long delay = delayAfter(settings, e.failures);
    if (delay > 0) {
      e.lockedOut = false;
      e.blockedUntil = now + delay;
    }
    return new Counted(e.failures, delay);
  }

  /** A right password: the key's count starts over. */
  void forget(String key) {
    map.remove(key);
  }

  /** Keys remembered. */
  int size() {
    return map.size();
  }

  /**
   * The delay (nanos) after the n-th consecutive failure: 0 while free, then doubling to the cap.
   */
  static long delayAfter(LoginSettings settings, int failures) {
    int beyond = failures - settings.freeFailures();
    if (beyond <= 0) {
      return 0;
    }
    long first = settings.firstDelay().toNanos();
    long max = settings.maxDelay().toNanos();
    int shift = Math.min(beyond - 1, 62);
    return first > (max >> shift) ? max : Math.min(max, first << shift);
  }

  /** The entry of {@code key}, new (or started over, when expired) if need be. */
  private Entry entry(String key, long now, long window) {
    Entry e = map.get(key);
    if (e != null && !e.expired(now, window)) {
      return e;
    }
    map.remove(key);
    if (map.size() >= settings.maxTracked()) {
      map.values().removeIf(x -> x.expired(now, window));
    }
    if (map.size() >= settings.maxTracked()) {
      Iterator<Map.Entry<String, Entry>> eldest = map.entrySet().iterator();
      eldest.next();
      eldest.remove();
    }
    Entry fresh = new Entry(now, settings.lockoutFailures());
    map.put(key, fresh);
    return fresh;
  }

  /** The failures of one address or name. */
  private static final class Entry {
    int failures;
    long lastFailure;
    long blockedUntil;
    boolean lockedOut;
    final long[] recent;
    int next;
    int recentCount;

    Entry(long now, int lockoutFailures) {
      lastFailure = now;
      blockedUntil = now;
      recent = new long[lockoutFailures];
    }

    /** Nothing to remember any more: not blocked, and quiet for a whole window. */
    boolean expired(long now, long window) {
      return now - blockedUntil >= 0 && now - lastFailure >= window;
    }
  }
}
