/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.model.FixedSource;
import io.virtmx.security.Authenticator;
import io.virtmx.security.Role;
import io.virtmx.security.TlsContexts;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.TestKeys;
import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.http.HttpSettings;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side of /metrics: negotiation, gzip, HEAD, 404/405, basic auth, TLS. */
class MetricsViewTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void servesTextOpenMetricsGzipAndHead() throws Exception {
    try (MetricsView view = start(Authenticator.none(), null)) {
      String url = "http://127.0.0.1:" + view.port() + "/metrics";
      HttpResponse<byte[]> text = send(HttpRequest.newBuilder(URI.create(url)));
      assertThat(text.statusCode()).isEqualTo(200);
      assertThat(text.headers().firstValue("Content-Type")).hasValue(MetricsHandler.TEXT);
      String plain = new String(text.body(), StandardCharsets.UTF_8);
      assertThat(plain)
          .contains(
              "libvirt_domain_state_code{domain=\"web\",host=\"hv1\",uuid=\"uuid-web\"} 1.0",
              "# TYPE jvm_memory_used_bytes gauge",
              "virtmx_snapshot_stale{host=\"hv1\"} 0.0");

      HttpResponse<byte[]> gz =
          send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip"));
      assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
      String unzipped =
          new String(
              new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(libvirtLines(unzipped)).isEqualTo(libvirtLines(plain)).isNotEmpty();
      assertThat(unzipped).contains("# TYPE jvm_memory_used_bytes gauge");

      HttpResponse<byte[]> om =
          send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Accept", "application/openmetrics-text; version=1.0.0"));
      String openMetrics = new String(om.body(), StandardCharsets.UTF_8);
      assertThat(om.headers().firstValue("Content-Type")).hasValue(MetricsHandler.OPENMETRICS);
      assertThat(openMetrics).endsWith("# EOF\n").contains("# TYPE libvirt_domain info");
      assertThat(openMetrics.indexOf("# EOF")).isEqualTo(openMetrics.length() - 6);

      HttpResponse<byte[]> head =
          send(
              HttpRequest.newBuilder(URI.create(url))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(
              send(
                  HttpRequest.newBuilder(URI.create(url))
                      .POST(HttpRequest.BodyPublishers.noBody())))
          .satisfies(r -> assertThat(r.statusCode()).isEqualTo(405))
          .satisfies(r -> assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD"));
      assertThat(
              send(HttpRequest.newBuilder(URI.create(url.replace("/metrics", "/other"))))
                  .statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void withAUsersFileEveryScrapeAuthenticates() throws Exception {
    UsersFile users = UsersFile.empty().with("prom", Role.VIEWER, "secret".toCharArray());
    try (MetricsView view = start(Authenticator.of(users), null)) {
      String url = "http://127.0.0.1:" + view.port() + "/metrics";
      HttpResponse<byte[]> anonymous = send(HttpRequest.newBuilder(URI.create(url)));
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Basic realm=\"virtmx\""));
      assertThat(send(basic(url, "prom", "wrong")).statusCode()).isEqualTo(401);
      assertThat(send(basic(url, "prom", "secret")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesANonLoopbackAddressWithoutUsers() throws Exception {
    InetSocketAddress any = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);
    assertThatThrownBy(() -> new MetricsView(source(), endpoint(Authenticator.none()), any, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--metrics-bind 0.0.0.0");
  }

  @Test
  void servesHttpsFromAKeyStore() throws Exception {
    TestKeys keys = TestKeys.create(tmp, "EC");
    try (MetricsView view =
        start(
            Authenticator.none(),
            TlsContexts.fromKeyStore(keys.keyStore(), TestKeys.STORE_PASSWORD.toCharArray()))) {
      HttpClient client = HttpClient.newBuilder().sslContext(keys.sslContext()).build();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + view.port() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("libvirt_up{host=\"hv1\"} 1.0");
    }
  }

  @Test
  void aLargeExpositionIsTheSamePlainAndGzippedAndItsLengthIsDeclared() throws Exception {
    List<io.virtmx.model.DomainSnapshot> domains = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      domains.add(
          io.virtmx.model.Snapshots.domain("vmx-expo-" + i)
              .running()
              .os("hvm", "x86_64", "pc")
              .memoryKib(1_048_576, 2_097_152)
              .cpu(i * 1_000_000_000L, 1, 2)
              .disk(io.virtmx.model.Snapshots.disk("vda").source("/img/" + i).reads(i, i * 512, i))
              .build());
    }
    FixedSource big = new FixedSource(SnapshotCollectorTest.host(domains));
    try (MetricsView view =
        new MetricsView(
            big,
            endpoint(Authenticator.none()),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            null)) {
      view.start();
      String url = "http://127.0.0.1:" + view.port() + "/metrics";
      HttpResponse<byte[]> plain = send(HttpRequest.newBuilder(URI.create(url)));
      HttpResponse<byte[]> gz =
          send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip"));
      HttpResponse<byte[]> head =
          send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()));

      assertThat(plain.body().length).isGreaterThan(4 * ByteChunks.MAX_CHUNK);
      assertThat(plain.headers().firstValueAsLong("Content-Length"))
          .hasValue(plain.body().length);
      // The agent's own meters change between two requests: HEAD declares about the same length.
      assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow())
          .isGreaterThan(4L * ByteChunks.MAX_CHUNK);
      assertThat(head.body()).isEmpty();
      String text = new String(plain.body(), StandardCharsets.UTF_8);
      String unzipped =
          new String(
              new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(libvirtLines(unzipped)).isEqualTo(libvirtLines(text));
      assertThat(text.lines().filter(l -> l.startsWith("libvirt_domain_state_code{")).count())
          .isEqualTo(400);
      assertThat(text).contains("libvirt_domain_block_stats_read_bytes_total{domain=\"vmx-expo-399\"");
    }
  }

  private MetricsView start(Authenticator auth, SSLContext tls) throws Exception {
    MetricsView view =
        new MetricsView(
            source(),
            endpoint(auth),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            tls);
    view.start();
    return view;
  }

  private final List<HttpEndpoint> endpoints = new java.util.ArrayList<>();

  private HttpEndpoint endpoint(Authenticator auth) {
    HttpEndpoint e = new HttpEndpoint(HttpSettings.DEFAULTS, auth);
    endpoints.add(e);
    return e;
  }

  @org.junit.jupiter.api.AfterEach
  void closeEndpoints() {
    endpoints.forEach(HttpEndpoint::close);
  }

  private static FixedSource source() {
    return new FixedSource(
        SnapshotCollectorTest.host(
            List.of(SnapshotCollectorTest.web(), SnapshotCollectorTest.stopped())));
  }

  private static HttpRequest.Builder basic(String url, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + token);
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> libvirtLines(String body) {
    return body.lines().filter(l -> l.startsWith("libvirt_")).toList();
  }
}
