/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestKeys;
import io.virtmx.testbed.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP views over HTTPS, as users configure them: a keytool-made PKCS#12 key store ({@link
 * TestKeys}) or PEM certificate and key, checked with Java's HttpClient and curl trusting that
 * certificate; plain HTTP on the same port gets no answer.
 */
class HttpsIT {
  private static final String USER_PASSWORD = "viewer-pw";
  private static final String READ =
      "{\"type\":\"read\",\"mbean\":\"libvirt:type=Domain,host=*,name=test\",\"attribute\":\"State\"}";
  private static final Pattern UP =
      Pattern.compile("(?m)^libvirt_up\\{host=\"[^\"]+\"[^}]*} 1(\\.0)?$");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static TestKeys keys;
  private static Path users;
  private static HttpClient client;

  @BeforeAll
  static void keyMaterial(@TempDir Path dir) {
    keys = TestKeys.create(dir, "RSA");
    users = TestUsers.viewer("bob", USER_PASSWORD).save(dir.resolve("users"));
    client = HttpClient.newBuilder().sslContext(keys.sslContext()).connectTimeout(TIMEOUT).build();
  }

  @Test
  void jolokiaWithKeyStoreAndUsers() throws Exception {
    int port = AgentProcess.freePort();
    try (AgentProcess agent =
        agent().users(users).jolokia(port).add(tls("jolokia", "keystore")).started()) {
      String url = "https://127.0.0.1:" + port + "/jolokia";
      String basic = "bob:" + USER_PASSWORD;

      assertThat(post(url, basic)).contains("\"State\":\"running\"").contains("\"status\":200");
      assertThat(post(url, null)).startsWith("401");
      assertThat(curl("-u", basic, "-d", READ, url).stdout()).contains("\"State\":\"running\"");
      assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-d", READ, url).stdout())
          .isEqualTo("401");
      assertOnlyTrustedHttps(url);
      assertThat(agent.log()).contains("view started: jolokia at " + url);
    }
  }

  @Test
  void jolokiaWithPem() throws Exception {
    int port = AgentProcess.freePort();
    try (AgentProcess agent = agent().jolokia(port).add(tls("jolokia", "pem")).started()) {
      String url = "https://127.0.0.1:" + port + "/jolokia";

      assertThat(post(url, null)).contains("\"State\":\"running\"").contains("\"status\":200");
      assertThat(curl("-d", READ, url).stdout()).contains("\"State\":\"running\"");
      assertOnlyTrustedHttps(url);
      assertThat(agent.log()).contains("view started: jolokia at " + url);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pem", "keystore"})
  void metricsWithPemOrKeyStore(String form) throws Exception {
    int port = AgentProcess.freePort();
    try (AgentProcess agent = agent().metrics(port).add(tls("metrics", form)).started()) {
      String url = "https://127.0.0.1:" + port + "/metrics";
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).containsPattern(UP);
      assertThat(curl(url).stdout()).containsPattern(UP);
      assertOnlyTrustedHttps(url);
      assertThat(agent.log()).contains("view started: metrics on https://127.0.0.1:" + port);
    }
  }

  private static AgentArgs agent() {
    return AgentArgs.watching("test:///default", "60s");
  }

  /** A view's TLS options: the PEM certificate and key ("pem") or the PKCS#12 key store. */
  private static String[] tls(String view, String form) {
    String prefix = "--" + view + "-tls-";
    return form.equals("pem")
        ? new String[] {
          prefix + "cert", keys.certPem().toString(), prefix + "key", keys.keyPem().toString()
        }
        : new String[] {
          prefix + "keystore",
          keys.keyStore().toString(),
          prefix + "password-file",
          keys.passwordFile().toString()
        };
  }

  /** The https URL fails over plain HTTP and to a client that does not trust the certificate. */
  private static void assertOnlyTrustedHttps(String url) {
    plainHttpFails(url.replaceFirst("^https:", "http:"));
    untrustedFails(url);
  }

  /** "STATUS BODY" of a Jolokia read posted with optional basic credentials "user:password". */
  private static String post(String url, String basic) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(READ));
    if (basic != null) {
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  private static void plainHttpFails(String url) {
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    TestBed.Result r = TestBed.run(TIMEOUT, List.of("curl", "-sS", "--max-time", "20", url));
    assertThat(r.exitCode()).as("curl %s: %s", url, r.stderr()).isNotZero();
  }

  /** Without --cacert curl does not trust the self-signed certificate (exit 60). */
  private static void untrustedFails(String url) {
    TestBed.Result r = TestBed.run(TIMEOUT, List.of("curl", "-sS", "--max-time", "20", url));
    assertThat(r.exitCode()).as("curl %s: %s", url, r.stderr()).isEqualTo(60);
  }

  private static TestBed.Result curl(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of("curl", "-sS", "--max-time", "20", "--cacert", keys.certPem().toString()));
    cmd.addAll(List.of(args));
    TestBed.Result r = TestBed.run(TIMEOUT, cmd);
    assertThat(r.exitCode()).as("%s: %s", cmd, r.stderr()).isZero();
    return r;
  }
}
