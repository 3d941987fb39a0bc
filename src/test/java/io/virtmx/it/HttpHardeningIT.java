/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static io.virtmx.testbed.RawHttp.basic;
import static io.virtmx.testbed.RawHttp.head;
import static io.virtmx.testbed.RawHttp.readAnswer;
import static io.virtmx.testbed.RawHttp.request;
import static io.virtmx.testbed.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestUsers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar on the test driver with every HTTP view on, a users file and short timeouts, tried
 * the way a stranger on the network would: stalled requests, huge bodies, bad JSON, refused Jolokia
 * commands and password guessing. Figures under load are {@code bench/abuse.sh}'s; this checks the
 * behaviour on every build.
 */
class HttpHardeningIT {
  @TempDir static Path dir;
  private static AgentProcess agent;
  private static Path audit;
  private static Map<String, Integer> ports;

  @BeforeAll
  static void start() throws IOException {
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").andViewer("vera", "vera-secret").save(users);
    audit = dir.resolve("audit.log");
    ports =
        Map.of(
            "metrics", AgentProcess.freePort(),
            "jolokia", AgentProcess.freePort(),
            "cim", AgentProcess.freePort());
    agent =
        AgentProcess.started(
            "--connect",
            "test:///default",
            "--users",
            users.toString(),
            "--audit-log",
            audit.toString(),
            "--metrics-port",
            ports.get("metrics").toString(),
            "--jolokia-port",
            ports.get("jolokia").toString(),
            "--cim",
            "--cim-port",
            ports.get("cim").toString(),
            "--http-header-timeout",
            "2s",
            "--http-idle-timeout",
            "4s",
            "--http-max-connections-per-address",
            "64");
  }

  @AfterAll
  static void stop() {
    agent.close();
  }

  @Test
  void stalledRequestsAreClosedWhileRealClientsAreServed() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    for (String view : ports.keySet()) {
      for (int i = 0; i < 15; i++) {
        Socket s = connect(ports.get(view));
        send(s, "POST / HTTP/1.1\r\n"); // half a request line, then nothing
        stalled.add(s);
      }
    }
    long t0 = System.nanoTime();
    assertThat(answer(ports.get("metrics"), get("/metrics", "vera", "vera-secret")))
        .startsWith("HTTP/1.1 200");
    assertThat(answer(ports.get("jolokia"), get("/jolokia/version", "vera", "vera-secret")))
        .startsWith("HTTP/1.1 200");
    for (Socket s : stalled) {
      s.setSoTimeout(10_000);
      assertThat(s.getInputStream().read()).as("closed by the agent").isEqualTo(-1);
      s.close();
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertThat(seconds).as("closed within the 2 s header timeout, swept each 0.5 s").isLessThan(5);
  }

  @Test
  void aHugeBodyIsRefusedBeforeItIsRead() throws Exception {
    for (String view : ports.keySet()) {
      String head =
          "POST /" + (view.equals("jolokia") ? "jolokia" : "") + " HTTP/1.1\r\nHost: x\r\n";
      assertThat(answer(ports.get(view), head + "Content-Length: 1000000000\r\n\r\n"))
          .as(view + " without credentials")
          .startsWith("HTTP/1.1 401");
      assertThat(
              answer(
                  ports.get(view),
                  head + auth("vera", "vera-secret") + "Content-Length: 1000000000\r\n\r\n"))
          .as(view + " with credentials")
          .startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void jolokiaRefusesBadJsonAndCommandsThePolicyForbids() throws Exception {
    int port = ports.get("jolokia");
    String deep = "[".repeat(50_000);
    String answer = answer(port, post("/jolokia", "vera", "vera-secret", deep));
    assertThat(answer)
        .contains("\"status\":400")
        .contains("nested deeper than 32 levels")
        .doesNotContain("Exception")
        .doesNotContain("java.");
    assertThat(answer(port, post("/jolokia", "vera", "vera-secret", "{\"type\":")))
        .contains("\"status\":400")
        .contains("malformed JSON request");
    for (String request :
        List.of(
            get("/jolokia/notification/register", "vera", "vera-secret"),
            get("/jolokia?p=/notification/register", "alice", "alice-secret"),
            post(
                "/jolokia",
                "alice",
                "alice-secret",
                "[{\"type\":\"NOTIFICATION\",\"command\":\"register\"}]"))) {
      assertThat(answer(port, request)).contains("\"status\":403").doesNotContain("\"id\"");
    }
    assertThat(
            answer(
                port,
                post(
                    "/jolokia",
                    "vera",
                    "vera-secret",
                    "[" + "{\"type\":\"version\"},".repeat(1000) + "{\"type\":\"version\"}]")))
        .contains("\"status\":413")
        .contains("at most 1000 at once");
  }

  @Test
  void passwordGuessersAreThrottledAndAudited() throws Exception {
    int port = ports.get("metrics");
    assertThat(answer(port, get("/metrics", "vera", "vera-secret")))
        .as("vera logs in before the guessing starts")
        .startsWith("HTTP/1.1 200");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String a = answer(port, get("/metrics", "mallory", "guess" + i));
      statuses.add(Integer.parseInt(a.substring(9, 12)));
    }
    assertThat(statuses).startsWith(401, 401, 401).contains(429);
    assertThat(answer(port, get("/metrics", "vera", "vera-secret")))
        .as("a verified user from the same address keeps working")
        .startsWith("HTTP/1.1 200");
    List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
    assertThat(lines)
        .filteredOn(l -> l.contains("op=login result=failed user=mallory view=metrics"))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(lines)
        .anyMatch(l -> l.contains("op=login result=throttled") && l.contains("user=mallory"));
  }

  private static Socket connect(int port) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), port);
  }

  /** Sends a request on a new connection and reads the answer. */
  private static String answer(int port, String request) throws IOException {
    try (Socket s = connect(port)) {
      send(s, request);
      return readAnswer(s);
    }
  }

  private static String auth(String user, String password) {
    return "Authorization: " + basic(user, password) + "\r\n";
  }

  private static String get(String path, String user, String password) {
    return head("GET", path, basic(user, password)) + "Connection: close\r\n\r\n";
  }

  private static String post(String path, String user, String password, String body) {
    return request("POST", path, basic(user, password), body);
  }
}
