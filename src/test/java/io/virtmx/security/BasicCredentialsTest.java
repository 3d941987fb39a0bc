package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
  private final UsersFile users =
      UsersFile.empty()
          .with("alice", Role.OPERATOR, "wonderland".toCharArray())
          .with("bob", Role.VIEWER, "builder1".toCharArray());

  private static String basic(String userColonPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rightPasswordGivesTheUsersRole() {
    BasicCredentials c = new BasicCredentials(Authenticator.of(users), "cim");

    assertThat(c.principal(basic("alice:wonderland")))
        .contains(new RolePrincipal("alice", Role.OPERATOR, "cim", false));
    assertThat(c.principal(basic("bob:builder1")).orElseThrow().role()).isEqualTo(Role.VIEWER);
    assertThat(c.principal(basic("alice:wonderland"))).as("remembered").isPresent();
  }

  @Test
  void wrongMissingOrMalformedCredentialsAreRefused() {
    BasicCredentials c = new BasicCredentials(Authenticator.of(users), "jolokia");

    assertThat(c.principal(basic("alice:wrong"))).isEmpty();
    assertThat(c.principal(basic("mallory:wonderland"))).isEmpty();
    assertThat(c.principal(null)).isEmpty();
    assertThat(c.principal("Bearer abc")).isEmpty();
    assertThat(c.principal("Basic !!!not-base64")).isEmpty();
    assertThat(c.principal(basic("no-colon"))).isEmpty();
  }

  @Test
  void aRememberedPasswordIsNotAcceptedForAnotherPassword() {
    BasicCredentials c = new BasicCredentials(Authenticator.of(users), "metrics");
    assertThat(c.check("alice", "wonderland")).isPresent();

    assertThat(c.check("alice", "wonderland2")).isEmpty();
  }

  @Test
  void withoutUsersFileEveryoneIsTheAnonymousViewer() {
    BasicCredentials c = new BasicCredentials(Authenticator.none(), "cim");

    assertThat(c.principal(null))
        .contains(new RolePrincipal("anonymous", Role.VIEWER, "cim", true));
  }
}
