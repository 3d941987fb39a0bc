/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
  private static final UsersFile USERS =
      UsersFile.empty()
          .with("alice", Role.OPERATOR, "wonderland".toCharArray())
          .with("bob", Role.VIEWER, "builder1".toCharArray());

  private static String basic(String userColonPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rightPasswordGivesTheUsersRole() {
    BasicCredentials c = new BasicCredentials(Authenticator.of(USERS), "cim");

    assertThat(c.principal(basic("alice:wonderland")))
        .contains(new RolePrincipal("alice", Role.OPERATOR, "cim", false));
    assertThat(c.principal(basic("bob:builder1")).orElseThrow().role()).isEqualTo(Role.VIEWER);
    assertThat(c.principal(basic("alice:wonderland"))).as("remembered").isPresent();
  }

  @Test
  void wrongMissingOrMalformedCredentialsAreRefused() {
    BasicCredentials c = new BasicCredentials(Authenticator.of(USERS), "jolokia");

    assertThat(c.principal(basic("alice:wrong"))).isEmpty();
    assertThat(c.principal(basic("mallory:wonderland"))).isEmpty();
    assertThat(c.principal(null)).isEmpty();
    assertThat(c.principal("Bearer abc")).isEmpty();
    assertThat(c.principal("Basic !!!not-base64")).isEmpty();
    assertThat(c.principal(basic("no-colon"))).isEmpty();
  }

  @Test
  void aRememberedPasswordIsNotAcceptedForAnotherPassword() {
    BasicCredentials c = new BasicCredentials(Authenticator.of(USERS), "metrics");
    assertThat(c.check("alice", "wonderland")).isPresent();

    assertThat(c.check("alice", "wonderland2")).isEmpty();
  }

  @Test
  void withoutUsersFileEveryoneIsTheAnonymousViewer() {
    BasicCredentials c = new BasicCredentials(Authenticator.none(), "cim");

    assertThat(c.principal(null))
        .contains(new RolePrincipal("anonymous", Role.VIEWER, "cim", true));
  }

  @Test
  void loginsCarryTheClientsAddressAndTellRefusedFromThrottled() throws Exception {
    BasicCredentials c =
        new BasicCredentials(
            Authenticator.of(USERS, LoginSettings.DEFAULTS.withLockout(2, Duration.ofMinutes(1))),
            "jolokia");
    InetAddress client = InetAddress.getByName("192.0.2.7");

    assertThat(c.principal(basic("alice:wonderland"), client))
        .isEqualTo(
            new LoginResult.Accepted(
                new RolePrincipal("alice", Role.OPERATOR, "jolokia", false, "192.0.2.7")));
    assertThat(c.principal(null, client)).isEqualTo(LoginResult.Refused.REQUIRED);
    assertThat(c.principal("Bearer abc", client)).isEqualTo(LoginResult.Refused.FAILED);
    assertThat(c.principal("Basic !!!", client)).isEqualTo(LoginResult.Refused.FAILED);
    assertThat(c.check("bob", "wrong", client)).isEqualTo(LoginResult.Refused.FAILED);
    assertThat(c.check("bob", "wrong", client)).isEqualTo(LoginResult.Refused.FAILED);

    LoginResult throttled = c.check("bob", "builder1", client);
    assertThat(throttled).isInstanceOf(LoginResult.Throttled.class);
    assertThat(((LoginResult.Throttled) throttled).retryAfterSeconds()).isEqualTo(60);
    assertThat(throttled.message())
        .isEqualTo("too many failed logins from 192.0.2.7; try again in 60 s");
    assertThat(c.principal(basic("alice:wonderland"), client))
        .as("remembered")
        .isInstanceOf(LoginResult.Accepted.class);
  }

  @Test
  void theOldMethodsRefuseThrottledClientsToo() {
    BasicCredentials c =
        new BasicCredentials(
            Authenticator.of(USERS, LoginSettings.DEFAULTS.withLockout(1, Duration.ofMinutes(1))),
            "metrics");
    assertThat(c.check("bob", "wrong")).isEmpty();
    assertThat(c.check("bob", "builder1")).as("throttled: not checked").isEmpty();
  }
}
