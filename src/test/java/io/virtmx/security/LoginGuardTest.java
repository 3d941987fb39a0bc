/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.security.LoginGuard.Cause;
import io.virtmx.security.LoginGuard.Failure;
import io.virtmx.security.LoginGuard.Permit;
import io.virtmx.security.LoginGuard.Refusal;
import io.virtmx.security.LoginGuard.Scope;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The login guard's delays, lock-outs and bounds, on a hand-driven clock. */
class LoginGuardTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  private static LoginSettings settings(int lockoutFailures, int maxChecks, int maxTracked) {
    return new LoginSettings(
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        lockoutFailures,
        Duration.ofMinutes(10),
        Duration.ofMinutes(15),
        maxChecks,
        Duration.ZERO,
        maxTracked);
  }

  private LoginGuard guard(LoginSettings s) {
    return new LoginGuard(s, now::get);
  }

  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  private void advance(long seconds) {
    now.addAndGet(seconds * SECOND);
  }

  /** One failed attempt, which must have been admitted. */
  private static Failure fail(LoginGuard g, InetAddress client, String user) {
    LoginGuard.Admission a = g.admit(client, user);
    assertThat(a).isInstanceOf(Permit.class);
    return g.failed((Permit) a);
  }

  /** {@code count} failed attempts, each 61 s after the one before (past every delay); the last. */
  private Failure failSpaced(LoginGuard g, InetAddress client, String user, int count) {
    Failure last = null;
    for (int i = 0; i < count; i++) {
      advance(61);
      last = fail(g, client, user);
    }
    return last;
  }

  /** The address's earlier failures no longer count: this is its first, and free. */
  private static void assertCountedAfresh(Failure f) {
    assertThat(f.clientFailures()).isEqualTo(1);
    assertThat(f.delaySeconds()).isZero();
  }

  @Test
  void delaysStartAfterTheFreeFailuresAndDouble() throws Exception {
    LoginGuard g = guard(settings(100, 1, 100));
    InetAddress mallory = ip("192.0.2.66");

    for (int i = 1; i <= 3; i++) {
      assertThat(fail(g, mallory, "u" + i).delaySeconds()).as("free failure %d", i).isZero();
    }
    Failure fourth = fail(g, mallory, "u4");
    assertThat(fourth.clientFailures()).isEqualTo(4);
    assertThat(fourth.delaySeconds()).isEqualTo(1);
    assertThat(g.admit(mallory, "u5")).isEqualTo(new Refusal(Scope.CLIENT, Cause.DELAYED, 1));

    long[] expected = {2, 4, 8, 16, 32, 60, 60};
    for (long delay : expected) {
      advance(60);
      assertThat(fail(g, mallory, "u").delaySeconds()).isEqualTo(delay);
    }
    advance(59);
    assertThat(g.admit(mallory, "u")).isEqualTo(new Refusal(Scope.CLIENT, Cause.DELAYED, 1));
    advance(1);
    assertThat(g.admit(mallory, "u")).isInstanceOf(Permit.class);
  }

  @Test
  void delayCapHoldsForAnyNumberOfFailures() {
    LoginGuard g = guard(settings(100, 1, 100));
    assertThat(g.delayAfter(3)).isZero();
    assertThat(g.delayAfter(4)).isEqualTo(SECOND);
    assertThat(g.delayAfter(10)).isEqualTo(60 * SECOND);
    assertThat(g.delayAfter(Integer.MAX_VALUE)).isEqualTo(60 * SECOND);
  }

  @Test
  void enoughFailuresWithinTheWindowLockTheAddressAndTheUserOut() throws Exception {
    LoginGuard g = guard(settings(5, 1, 100));
    InetAddress mallory = ip("192.0.2.66");

    Failure last = failSpaced(g, mallory, "alice", 5);
    assertThat(last.lockouts())
        .containsExactly(
            new LoginGuard.Lockout(Scope.CLIENT, 5, Duration.ofMinutes(15)),
            new LoginGuard.Lockout(Scope.USER, 5, Duration.ofMinutes(15)));
    assertThat(last.delaySeconds()).isEqualTo(15 * 60);

    assertThat(g.admit(mallory, "bob"))
        .isEqualTo(new Refusal(Scope.CLIENT, Cause.LOCKED_OUT, 15 * 60));
    assertThat(g.admit(ip("198.51.100.1"), "alice"))
        .as("the user is locked out from anywhere")
        .isEqualTo(new Refusal(Scope.USER, Cause.LOCKED_OUT, 15 * 60));
    g.abandoned((Permit) g.admit(ip("198.51.100.1"), "bob"));

    advance(15 * 60 - 1);
    assertThat(g.admit(mallory, "carol")).isInstanceOf(Refusal.class);
    advance(1);
    assertThat(g.admit(mallory, "carol")).as("lock-out over").isInstanceOf(Permit.class);
  }

  @Test
  void failuresSpreadBeyondTheWindowDoNotLockOut() throws Exception {
    LoginGuard g = guard(settings(3, 1, 100));
    InetAddress client = ip("192.0.2.7");
    fail(g, client, "alice");
    advance(300);
    fail(g, client, "alice");
    advance(301);
    assertThat(fail(g, client, "alice").lockouts()).isEmpty(); // the first is 601 s old

    advance(1);
    assertThat(fail(g, client, "alice").lockouts()).hasSize(2); // three within 10 min
  }

  @Test
  void aQuietAddressIsForgottenAfterTheWindow() throws Exception {
    LoginGuard g = guard(settings(100, 1, 100));
    InetAddress client = ip("192.0.2.7");
    failSpaced(g, client, "u", 4);
    advance(10 * 60);
    assertCountedAfresh(fail(g, client, "u"));
  }

  @Test
  void successResetsTheAddressAndTheUser() throws Exception {
    LoginGuard g = guard(settings(100, 1, 100));
    InetAddress client = ip("192.0.2.7");
    failSpaced(g, client, "alice", 4);
    advance(61);
    g.succeeded((Permit) g.admit(client, "alice"));

    Failure f = fail(g, client, "alice");
    assertCountedAfresh(f);
    assertThat(f.userFailures()).isEqualTo(1);
  }

  @Test
  void oneCheckInFlightPerAddressAndABoundOverAll() throws Exception {
    LoginGuard g = guard(settings(10, 2, 100));
    InetAddress a = ip("192.0.2.1");
    InetAddress b = ip("192.0.2.2");
    InetAddress c = ip("192.0.2.3");

    Permit first = (Permit) g.admit(a, "alice");
    assertThat(g.admit(a, "bob")).isEqualTo(new Refusal(Scope.CLIENT, Cause.BUSY, 1));
    Permit second = (Permit) g.admit(b, "bob");
    assertThat(g.admit(c, "carol"))
        .as("both slots taken, no waiting")
        .isEqualTo(new Refusal(Scope.AGENT, Cause.BUSY, 1));

    g.failed(first);
    assertThat(g.admit(a, "bob")).isInstanceOf(Permit.class);
    g.abandoned(second);
    g.abandoned(second); // twice is harmless
    assertThat(g.admit(c, "carol")).isInstanceOf(Permit.class);
  }

  @Test
  void clientsWithoutAnAddressShareTheCountsButNotTheInFlightBound() {
    LoginGuard g = guard(settings(10, 2, 100));
    assertThat(g.admit(null, "alice")).isInstanceOf(Permit.class);
    assertThat(g.admit(null, "bob")).isInstanceOf(Permit.class);
  }

  @Test
  void tablesAreCappedAndForgetTheLeastRecentlyUsed() throws Exception {
    LoginGuard g = guard(settings(1000, 1, 50));
    for (int i = 0; i < 500; i++) {
      fail(g, ip("10.0." + (i / 256) + "." + (i % 256)), "user" + i);
    }
    assertThat(g.tracked()).isEqualTo(100); // 50 addresses, 50 names
  }

  @Test
  void expiredEntriesGoFirstWhenATableIsFull() throws Exception {
    LoginGuard g = guard(settings(1000, 1, 2));
    InetAddress old = ip("192.0.2.1");
    InetAddress recent = ip("192.0.2.2");
    fail(g, old, "x");
    advance(11 * 60);
    fail(g, recent, "x"); // "old" expired, not yet removed
    for (int i = 0; i < 3; i++) {
      fail(g, recent, "x");
    }
    fail(g, ip("192.0.2.3"), "y"); // full: the expired one goes, "recent" stays
    assertThat(g.admit(recent, "z"))
        .as("recent is still delayed")
        .isEqualTo(new Refusal(Scope.CLIENT, Cause.DELAYED, 1));
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() throws Exception {
    assertThat(LoginGuard.clientKey(ip("2001:db8:1:2:aaaa::1")))
        .isEqualTo(LoginGuard.clientKey(ip("2001:db8:1:2:bbbb::2")))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(LoginGuard.clientKey(ip("::1"))).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(LoginGuard.clientKey(ip("192.0.2.7"))).isEqualTo("192.0.2.7");
    assertThat(LoginGuard.clientKey(null)).isEqualTo("unknown");
  }

  @Test
  void settingsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(0, 1, 1))
        .hasMessage("login lock-out failures must be at least 1, got 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoginSettings.DEFAULTS.withLockout(5, Duration.ZERO))
        .hasMessage("login lock-out must be positive, got PT0S");
    assertThat(LoginSettings.DEFAULTS.maxConcurrentChecks())
        .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }
}
