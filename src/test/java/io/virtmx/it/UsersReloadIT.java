/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.ViewRequests;
import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running agent takes a changed users file without a restart: at once on SIGHUP, and within the
 * check interval without one; a removed user is refused from then on.
 */
class UsersReloadIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void usersAddedOrRemovedTakeEffectOnSighupAndWithoutIt() throws Exception {
    Path users = TestUsers.operator("alice", "alice-secret").save(dir.resolve("users"));
    int port = AgentProcess.freePort();
    try (AgentProcess agent =
        AgentProcess.started(
            "--connect",
            "test:///default",
            "--users",
            users.toString(),
            "--metrics-port",
            String.valueOf(port),
            "--no-jolokia")) {
      String url = "http://127.0.0.1:" + port + "/metrics";
      assertThat(status(url, "alice", "alice-secret")).isEqualTo(200);
      assertThat(status(url, "bob", "bob-secret")).isEqualTo(401);

      // On SIGHUP: read again at once.
      add(users, "bob", "bob-secret");
      int from = agent.log().length();
      new ProcessBuilder("kill", "-HUP", String.valueOf(agent.pid())).start().waitFor();
      agent.awaitLog("users file .* read again: 2 user", from, Duration.ofSeconds(5));
      assertThat(status(url, "bob", "bob-secret")).isEqualTo(200);

      // Without a signal: within the check interval; alice, remembered before, is refused now.
      UsersFile.load(users).without("alice").save(users);
      Await.until(
          "alice refused after her removal",
          () -> status(url, "alice", "alice-secret"),
          s -> s == 401,
          Duration.ofSeconds(30));
      assertThat(status(url, "bob", "bob-secret")).isEqualTo(200);
      assertThat(agent.alive()).isTrue();
    }
  }

  private static void add(Path users, String name, String password) throws Exception {
    UsersFile.load(users).with(name, Role.OPERATOR, password.toCharArray()).save(users);
  }

  private static int status(String url, String user, String password) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", ViewRequests.basic(user, password))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
