/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Logins through {@link Authenticator#login}: remembered passwords, throttling and the audit lines
 * of failures, lock-outs and throttled attempts.
 */
class AuthenticatorLoginTest {
  private static final long SECOND = 1_000_000_000L;
  private static final UsersFile USERS =
      UsersFile.empty()
          .with("alice", Role.OPERATOR, "wonderland".toCharArray())
          .with("bob", Role.VIEWER, "builder1".toCharArray());
  private static final LoginSettings THREE_STRIKES =
      LoginSettings.DEFAULTS.withLockout(3, Duration.ofMinutes(15));

  private final AtomicLong now = new AtomicLong(1000 * SECOND);
  private final Authenticator auth = Authenticator.of(USERS, THREE_STRIKES, now::get);
  private final InetAddress nat = address("192.0.2.1");

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private LoginResult login(InetAddress client, String user, String password) {
    return auth.login("jolokia", client, user, password.toCharArray());
  }

  private void lockOutAliceFromTheNat() {
    for (int i = 0; i < 3; i++) {
      assertThat(login(nat, "alice", "guess" + i)).isEqualTo(LoginResult.Refused.FAILED);
    }
  }

  @Test
  void aRightPasswordIsAcceptedWithTheClientsAddress() {
    assertThat(login(nat, "alice", "wonderland"))
        .isEqualTo(
            new LoginResult.Accepted(
                new RolePrincipal("alice", Role.OPERATOR, "jolokia", false, "192.0.2.1")));
    assertThat(login(nat, "bob", "wrong")).isEqualTo(LoginResult.Refused.FAILED);
    assertThat(auth.login("jolokia", nat, null, null)).isEqualTo(LoginResult.Refused.REQUIRED);
  }

  @Test
  void parallelLoginsWithTheSameNewCredentialsShareOneCheck() throws Exception {
    int clients = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(clients);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<LoginResult>> results =
          new java.util.ArrayList<>();
      for (int i = 0; i < clients; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return login(nat, "alice", "wonderland");
                }));
      }
      go.countDown();
      for (java.util.concurrent.Future<LoginResult> r : results) {
        assertThat(r.get()).isInstanceOf(LoginResult.Accepted.class);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aVerifiedPasswordKeepsWorkingWhileGuessersAreLockedOut() {
    try (AuditCapture audit = new AuditCapture()) {
      assertThat(login(nat, "alice", "wonderland")).isInstanceOf(LoginResult.Accepted.class);
      lockOutAliceFromTheNat();

      assertThat(login(nat, "alice", "wonderland"))
          .as("remembered: no guard, no hash")
          .isInstanceOf(LoginResult.Accepted.class);
      assertThat(login(address("198.51.100.9"), "alice", "wonderland"))
          .isInstanceOf(LoginResult.Accepted.class);
      assertThat(login(nat, "alice", "guess3"))
          .isEqualTo(
              new LoginResult.Throttled(
                  "too many failed logins from 192.0.2.1; try again in 900 s", 900));
      assertThat(login(nat, "bob", "builder1"))
          .as("bob's right password from the locked-out address is not even checked")
          .isInstanceOf(LoginResult.Throttled.class);
      assertThat(login(address("198.51.100.9"), "alice", "guess4"))
          .isEqualTo(
              new LoginResult.Throttled(
                  "too many failed logins for this user; try again in 900 s", 900));

      assertThat(audit.lines())
          .containsExactly(
              "op=login result=ok user=alice role=operator view=jolokia client=192.0.2.1",
              "op=login result=failed user=alice view=jolokia client=192.0.2.1 failures=1"
                  + " user-failures=1 retry-after=0",
              "op=login result=failed user=alice view=jolokia client=192.0.2.1 failures=2"
                  + " user-failures=2 retry-after=0",
              "op=login result=failed user=alice view=jolokia client=192.0.2.1 failures=3"
                  + " user-failures=3 retry-after=900",
              "op=login result=locked-out scope=client user=alice view=jolokia client=192.0.2.1"
                  + " failures=3 until="
                  + until(audit.lines().get(4)),
              "op=login result=locked-out scope=user user=alice view=jolokia client=192.0.2.1"
                  + " failures=3 until="
                  + until(audit.lines().get(5)),
              "op=login result=throttled reason=locked-out scope=client user=alice view=jolokia"
                  + " client=192.0.2.1 retry-after=900 suppressed=0",
              "op=login result=throttled reason=locked-out scope=user user=alice view=jolokia"
                  + " client=198.51.100.9 retry-after=900 suppressed=0");
    }
  }

  private static String until(String line) {
    assertThat(line).matches(".* until=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    return line.substring(line.indexOf("until=") + 6);
  }

  @Test
  void throttledAttemptsAreLoggedOnceASecondPerAddressWithACount() {
    lockOutAliceFromTheNat();
    try (AuditCapture audit = new AuditCapture()) {
      for (int i = 0; i < 5; i++) {
        login(nat, "alice", "again" + i);
      }
      now.addAndGet(SECOND);
      login(nat, "alice", "later");

      assertThat(audit.lines()).hasSize(2);
      assertThat(audit.lines().get(0)).endsWith("retry-after=900 suppressed=0");
      assertThat(audit.lines().get(1)).endsWith("retry-after=899 suppressed=4");
    }
  }

  @Test
  void aLockedOutRightPasswordIsCheckedOnlyAfterTheLockOut() {
    lockOutAliceFromTheNat();
    assertThat(login(nat, "alice", "wonderland")).isInstanceOf(LoginResult.Throttled.class);
    now.addAndGet(15 * 60 * SECOND);
    assertThat(login(nat, "alice", "wonderland")).isInstanceOf(LoginResult.Accepted.class);
    assertThat(auth.tracked()).as("the success forgot both counts").isZero();
  }

  @Test
  void aRememberedPasswordStaysRememberedWhileUsedAndIsForgottenAMinuteAfter() {
    assertThat(login(nat, "alice", "wonderland")).isInstanceOf(LoginResult.Accepted.class);
    lockOutAliceFromTheNat();
    for (int i = 0; i < 4; i++) {
      now.addAndGet(50 * SECOND);
      assertThat(login(nat, "alice", "wonderland")).isInstanceOf(LoginResult.Accepted.class);
    }
    now.addAndGet(61 * SECOND);
    assertThat(login(nat, "alice", "wonderland"))
        .as("forgotten, and the user is still locked out")
        .isInstanceOf(LoginResult.Throttled.class);
  }

  @Test
  void withoutUsersFileEveryoneIsTheAnonymousViewerAtTheirAddress() {
    assertThat(Authenticator.none().login("cim", nat, "alice", "x".toCharArray()))
        .isEqualTo(
            new LoginResult.Accepted(
                new RolePrincipal("anonymous", Role.VIEWER, "cim", true, "192.0.2.1")));
    assertThat(Authenticator.none().login("cim", null, null, null).accepted().orElseThrow())
        .isEqualTo(new RolePrincipal("anonymous", Role.VIEWER, "cim", true));
  }
}
