/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.net.InetAddress;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

/**
 * The audit lines of logins: every fresh successful check, every failure and every lock-out start;
 * throttled attempts at most once a second per address (with the number left out since) and at most
 * {@value #MAX_THROTTLED_PER_SECOND} such lines a second in all, so a flood cannot fill the disk.
 *
 * <pre>
 * op=login result=ok user=alice role=operator view=jolokia client=127.0.0.1
 * op=login result=failed user=bob view=jolokia client=127.0.0.2 failures=4 user-failures=4 retry-after=1
 * op=login result=locked-out scope=client user=bob view=jolokia client=127.0.0.2 failures=10 until=2025-05-01T10:15:00Z
 * op=login result=throttled reason=locked-out scope=client user=bob view=jolokia client=127.0.0.2 retry-after=840 suppressed=37
 * </pre>
 */
final class LoginAudit {
  static final int MAX_THROTTLED_PER_SECOND = 50;
  private static final long SECOND = 1_000_000_000L;

  /** Throttled attempts of one address not logged yet. */
  private static final class Quiet {
    long lastLogged;
    long suppressed;
  }

  private final LongSupplier nanos;
  private final Clock wall;
  private final int maxTracked;
  private final LinkedHashMap<String, Quiet> quiet = new LinkedHashMap<>(64, 0.75f, true);
  private long secondStart;
  private int linesThisSecond;

  LoginAudit(LongSupplier nanos, Clock wall, int maxTracked) {
    this.nanos = nanos;
    this.wall = wall;
    this.maxTracked = maxTracked;
    this.secondStart = nanos.getAsLong();
  }

  void accepted(String view, InetAddress client, String user, Role role) {
    AuditLog.op("login")
        .with("result", "ok")
        .with("user", user)
        .with("role", role.label())
        .with("view", view)
        .with("client", text(client))
        .write();
  }

  void failed(String view, InetAddress client, String user, LoginGuard.Failure f) {
    AuditLog.op("login")
        .with("result", "failed")
        .with("user", user)
        .with("view", view)
        .with("client", text(client))
        .with("failures", f.clientFailures())
        .with("user-failures", f.userFailures())
        .with("retry-after", f.delaySeconds())
        .write();
    for (LoginGuard.Lockout l : f.lockouts()) {
      AuditLog.op("login")
          .with("result", "locked-out")
          .with("scope", l.scope().label())
          .with("user", user)
          .with("view", view)
          .with("client", text(client))
          .with("failures", l.failures())
          .with("until", wall.instant().plus(l.length()).truncatedTo(ChronoUnit.SECONDS))
          .write();
    }
  }

  /** Logs a throttled attempt, unless this address was logged less than a second ago. */
  void throttled(String view, InetAddress client, String user, LoginGuard.Refusal r) {
    long suppressed;
    synchronized (this) {
      long now = nanos.getAsLong();
      Quiet q = quiet(LoginGuard.clientKey(client), now);
      if (now - q.lastLogged < SECOND || !globalBudget(now)) {
        q.suppressed++;
        return;
      }
      q.lastLogged = now;
      suppressed = q.suppressed;
      q.suppressed = 0;
    }
    AuditLog.op("login")
        .with("result", "throttled")
        .with("reason", r.cause().label())
        .with("scope", r.scope().label())
        .with("user", user)
        .with("view", view)
        .with("client", text(client))
        .with("retry-after", r.retryAfterSeconds())
        .with("suppressed", suppressed)
        .write();
  }

  static String text(InetAddress client) {
    return client == null ? RolePrincipal.UNKNOWN_CLIENT : client.getHostAddress();
  }

  private Quiet quiet(String key, long now) {
    Quiet q = quiet.get(key);
    if (q == null) {
      if (quiet.size() >= maxTracked) {
        Iterator<Quiet> eldest = quiet.values().iterator();
        eldest.next();
        eldest.remove();
      }
      q = new Quiet();
      q.lastLogged = now - SECOND;
      quiet.put(key, q);
    }
    return q;
  }

  private boolean globalBudget(long now) {
    if (now - secondStart >= SECOND) {
      secondStart = now;
      linesThisSecond = 0;
    }
    return linesThisSecond++ < MAX_THROTTLED_PER_SECOND;
  }
}
