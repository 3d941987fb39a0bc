/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import static io.virtmx.testbed.RawHttp.basic;
import static io.virtmx.testbed.RawHttp.head;
import static io.virtmx.testbed.RawHttp.readAnswer;
import static io.virtmx.testbed.RawHttp.request;
import static io.virtmx.testbed.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.security.Authenticator;
import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint's limits against raw sockets on loopback, with a small view that echoes. */
class HttpEndpointTest {
  private static final HttpSettings FAST =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofMillis(600),
          Duration.ofMillis(800),
          Duration.ofSeconds(2),
          4096,
          16,
          64,
          4,
          16,
          8,
          1,
          1.0);
  private static final UsersFile USERS =
      UsersFile.empty().with("alice", Role.VIEWER, "secret".toCharArray());

  private final List<Socket> sockets = new ArrayList<>();
  private HttpEndpoint endpoint;

  /** Echoes the body's length; "/block" waits on a latch; "/big" answers 8 MiB; "/fail" throws. */
  private static final class EchoView implements HttpView {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Limits limits;

    EchoView(Limits limits) {
      this.limits = limits;
    }

    @Override
    public String name() {
      return "echo";
    }

    @Override
    public Limits limits() {
      return limits;
    }

    @Override
    public Answer refuse(int status, String reason) {
      return Answer.text(status, "refused: " + reason + "\n");
    }

    @Override
    public Answer serve(Exchange x) throws Exception {
      switch (x.path()) {
        case "/block" -> {
          entered.countDown();
          release.await(5, TimeUnit.SECONDS);
        }
        case "/big" -> {
          return Answer.of(200, "application/octet-stream", new byte[8 << 20]);
        }
        case "/fail" -> throw new IllegalStateException("secret internals");
        case "/parts" -> {
          return new Answer(
              200,
              List.of(Map.entry("Content-Type", "text/plain")),
              List.of(
                  "a".repeat(1_000_000).getBytes(StandardCharsets.UTF_8),
                  "end".getBytes(StandardCharsets.UTF_8)));
        }
        default -> {}
      }
      return Answer.text(200, "got " + x.body().length + " bytes as " + x.principal().name());
    }
  }

  private int start(EchoView view, Authenticator auth) throws IOException {
    endpoint = new HttpEndpoint(FAST, auth);
    return endpoint
        .serve(view, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null)
        .address()
        .getPort();
  }

  private int start(EchoView view) throws IOException {
    return start(view, Authenticator.of(USERS));
  }

  @AfterEach
  void close() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void answersAnAuthenticatedRequest() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(100, 2, Duration.ZERO, false)));
    String answer = exchange(port, request("POST", "/", basic("alice", "secret"), "hello"));
    assertThat(answer).startsWith("HTTP/1.1 200").endsWith("got 5 bytes as alice");
  }

  @Test
  void refusesAStrangerBeforeReadingItsBody() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(1 << 20, 2, Duration.ZERO, false)));
    Socket s = connect(port);
    send(s, head("POST", "/", null) + "Content-Length: 1000000000\r\n\r\n");
    String answer = readAnswer(s);
    assertThat(answer)
        .startsWith("HTTP/1.1 401")
        .contains("WWW-Authenticate: Basic realm=\"virtmx\"")
        .contains("Connection: close")
        .contains("refused: authentication required");
  }

  @Test
  void refusesADeclaredBodyOverTheLimitUnread() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(1000, 2, Duration.ZERO, false)));
    Socket s = connect(port);
    send(s, head("POST", "/", basic("alice", "secret")) + "Content-Length: 1000000000\r\n\r\n");
    assertThat(readAnswer(s)).startsWith("HTTP/1.1 413").contains("larger than 1000 bytes");
  }

  @Test
  void stopsReadingAChunkedBodyAtTheLimit() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(1000, 2, Duration.ZERO, false)));
    Socket s = connect(port);
    send(s, head("POST", "/", basic("alice", "secret")) + "Transfer-Encoding: chunked\r\n\r\n");
    String chunk = "400\r\n" + "x".repeat(1024) + "\r\n";
    send(s, chunk + chunk);
    assertThat(readAnswer(s)).startsWith("HTTP/1.1 413");
  }

  @Test
  void closesAConnectionWhoseHeadersDoNotArriveInTime() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(0, 2, Duration.ZERO, false)));
    Socket s = connect(port);
    send(s, "GET / HTTP/1.1\r\n");
    long t0 = System.nanoTime();
    s.setSoTimeout(10_000);
    assertThat(s.getInputStream().read()).isEqualTo(-1);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(ms).isBetween(400L, 3000L); // header timeout 600 ms, swept every 150 ms
  }

  @Test
  void answersABodyThatStallsWith408() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(1000, 2, Duration.ZERO, false)));
    Socket s = connect(port);
    send(s, head("POST", "/", basic("alice", "secret")) + "Content-Length: 100\r\n\r\nabc");
    assertThat(readAnswer(s)).startsWith("HTTP/1.1 408");
  }

  @Test
  void closesConnectionsBeyondTheLimitPerAddress() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(0, 2, Duration.ZERO, false)));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(connect(port));
    }
    Socket fifth = connect(port);
    fifth.setSoTimeout(5000);
    assertThat(fifth.getInputStream().read()).isEqualTo(-1);
    awaitOpenConnections(4);
    held.get(0).close();
    awaitOpenConnections(3);
    assertThat(exchange(port, request("GET", "/", basic("alice", "secret"), "")))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void refusesABurstBeyondTheViewsConcurrencyWith503() throws Exception {
    EchoView view = new EchoView(new HttpView.Limits(0, 1, Duration.ofMillis(100), false));
    int port = start(view);
    Socket blocked = connect(port);
    send(blocked, request("GET", "/block", basic("alice", "secret"), ""));
    assertThat(view.entered.await(5, TimeUnit.SECONDS)).isTrue();
    String second = exchange(port, request("GET", "/", basic("alice", "secret"), ""));
    assertThat(second)
        .startsWith("HTTP/1.1 503")
        .contains("Retry-After: 1")
        .contains("echo is busy");
    view.release.countDown();
    assertThat(readAnswer(blocked)).startsWith("HTTP/1.1 200");
  }

  @Test
  void costlyViewsShareOneWorkBudget() throws Exception {
    EchoView first = new EchoView(new HttpView.Limits(0, 2, Duration.ofMillis(100), true));
    int port = start(first);
    int other =
        endpoint
            .serve(
                new EchoView(new HttpView.Limits(0, 2, Duration.ofMillis(100), true)),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null)
            .address()
            .getPort();
    Socket blocked = connect(port);
    send(blocked, request("GET", "/block", basic("alice", "secret"), ""));
    assertThat(first.entered.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(exchange(other, request("GET", "/", basic("alice", "secret"), "")))
        .startsWith("HTTP/1.1 503");
    first.release.countDown();
    assertThat(readAnswer(blocked)).startsWith("HTTP/1.1 200");
    assertThat(exchange(other, request("GET", "/", basic("alice", "secret"), "")))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void aClientThatDoesNotReadItsAnswerHoldsNoPermit() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(0, 1, Duration.ofMillis(100), false)));
    for (int i = 0; i < 3; i++) {
      send(connect(port), request("GET", "/big", basic("alice", "secret"), ""));
    }
    String answer = exchange(port, request("GET", "/", basic("alice", "secret"), ""));
    assertThat(answer).startsWith("HTTP/1.1 200");
  }

  @Test
  void writesAnAnswerInPartsToAClientThatAsksToClose() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(0, 1, Duration.ZERO, false)));
    Socket s = connect(port);
    send(s, head("GET", "/parts", basic("alice", "secret")) + "Connection: close\r\n\r\n");
    String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(answer).startsWith("HTTP/1.1 200").endsWith("aend");
  }

  @Test
  void aFailingViewAnswers500WithoutItsInternals() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(0, 1, Duration.ZERO, false)));
    String answer = exchange(port, request("GET", "/fail", basic("alice", "secret"), ""));
    assertThat(answer)
        .startsWith("HTTP/1.1 500")
        .doesNotContain("IllegalStateException")
        .doesNotContain("secret internals");
  }

  @Test
  void tooManyHeadersGet431() throws Exception {
    int port = start(new EchoView(new HttpView.Limits(0, 1, Duration.ZERO, false)));
    StringBuilder h = new StringBuilder(head("GET", "/", basic("alice", "secret")));
    for (int i = 0; i < 20; i++) {
      h.append("X-").append(i).append(": y\r\n");
    }
    assertThat(exchange(port, h + "\r\n")).startsWith("HTTP/1.1 431");
  }

  private void awaitOpenConnections(int n) {
    Await.until(
        "at most " + n + " open connections",
        endpoint::openConnections,
        open -> open <= n,
        Duration.ofSeconds(5));
  }

  private Socket connect(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    sockets.add(s);
    return s;
  }

  private String exchange(int port, String request) throws IOException {
    Socket s = connect(port);
    send(s, request);
    return readAnswer(s);
  }
}
