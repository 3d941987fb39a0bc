package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP views over HTTPS, as users configure them: a keytool-made PKCS#12 key store or PEM
 * certificate and key, checked with Java's HttpClient and curl trusting that certificate; plain
 * HTTP on the same port gets no answer.
 */
class HttpsIT {
  private static final String PASSWORD = "changeit-tls";
  private static final String USER_PASSWORD = "viewer-pw";
  private static final String READ =
      "{\"type\":\"read\",\"mbean\":\"libvirt:type=Domain,host=*,name=test\",\"attribute\":\"State\"}";
  private static final Pattern UP =
      Pattern.compile("(?m)^libvirt_up\\{host=\"[^\"]+\"[^}]*} 1(\\.0)?$");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static Path dir;
  private static Path keystore;
  private static Path passwordFile;
  private static Path certPem;
  private static Path keyPem;
  private static Path users;
  private static HttpClient client;

  @BeforeAll
  static void keyMaterial() throws Exception {
    dir = Files.createTempDirectory("virtmx-https");
    keystore = dir.resolve("agent.p12");
    passwordFile = dir.resolve("tls-password");
    Files.writeString(passwordFile, PASSWORD + "\n");
    TestBed.exec(
        "keytool",
        "-genkeypair",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-alias",
        "virtmx",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost");
    certPem = dir.resolve("agent.crt");
    keyPem = dir.resolve("agent.key");
    exportPem();
    users = dir.resolve("users");
    UsersFile.empty().with("bob", Role.VIEWER, USER_PASSWORD.toCharArray()).save(users);
    client = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(TIMEOUT).build();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (dir != null) {
      try (var files = Files.list(dir)) {
        files.forEach(TestBed::deleteQuietly);
      }
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void jolokiaWithKeyStoreAndUsers() throws Exception {
    int port = freePort();
    try (AgentProcess agent =
        agent(
            "--no-metrics",
            "--users",
            users.toString(),
            "--jolokia-port",
            String.valueOf(port),
            "--jolokia-tls-keystore",
            keystore.toString(),
            "--jolokia-tls-password-file",
            passwordFile.toString())) {
      String url = "https://127.0.0.1:" + port + "/jolokia";
      String basic = "bob:" + USER_PASSWORD;

      assertThat(post(url, basic)).contains("\"State\":\"running\"").contains("\"status\":200");
      assertThat(post(url, null)).startsWith("401");
      assertThat(curl("-u", basic, "-d", READ, url).stdout()).contains("\"State\":\"running\"");
      assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-d", READ, url).stdout())
          .isEqualTo("401");
      plainHttpFails("http://127.0.0.1:" + port + "/jolokia");
      untrustedFails(url);
      assertThat(agent.log()).contains("view started: jolokia at " + url);
    }
  }

  @Test
  void jolokiaWithPem() throws Exception {
    int port = freePort();
    try (AgentProcess agent =
        agent(
            "--no-metrics",
            "--jolokia-port",
            String.valueOf(port),
            "--jolokia-tls-cert",
            certPem.toString(),
            "--jolokia-tls-key",
            keyPem.toString())) {
      String url = "https://127.0.0.1:" + port + "/jolokia";

      assertThat(post(url, null)).contains("\"State\":\"running\"").contains("\"status\":200");
      assertThat(curl("-d", READ, url).stdout()).contains("\"State\":\"running\"");
      plainHttpFails("http://127.0.0.1:" + port + "/jolokia");
      untrustedFails(url);
      assertThat(agent.log()).contains("view started: jolokia at " + url);
    }
  }

  @Test
  void metricsWithPem() throws Exception {
    int port = freePort();
    try (AgentProcess agent =
        agent(
            "--no-jolokia",
            "--metrics-port",
            String.valueOf(port),
            "--metrics-tls-cert",
            certPem.toString(),
            "--metrics-tls-key",
            keyPem.toString())) {
      assertMetrics(port);
      assertThat(agent.log()).contains("view started: metrics on https://127.0.0.1:" + port);
    }
  }

  @Test
  void metricsWithKeyStore() throws Exception {
    int port = freePort();
    try (AgentProcess agent =
        agent(
            "--no-jolokia",
            "--metrics-port",
            String.valueOf(port),
            "--metrics-tls-keystore",
            keystore.toString(),
            "--metrics-tls-password-file",
            passwordFile.toString())) {
      assertMetrics(port);
      assertThat(agent.log()).contains("view started: metrics on https://127.0.0.1:" + port);
    }
  }

  private static void assertMetrics(int port) throws Exception {
    String url = "https://127.0.0.1:" + port + "/metrics";
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).containsPattern(UP);
    assertThat(curl(url).stdout()).containsPattern(UP);
    plainHttpFails("http://127.0.0.1:" + port + "/metrics");
    untrustedFails(url);
  }

  private static AgentProcess agent(String... viewArgs) {
    List<String> args =
        new ArrayList<>(List.of("--connect", "test:///default", "--interval", "60s"));
    args.addAll(List.of(viewArgs));
    AgentProcess agent = AgentProcess.start(args.toArray(String[]::new));
    try {
      agent.awaitLog("virtmx started", 0, Duration.ofSeconds(60));
      return agent;
    } catch (RuntimeException | AssertionError e) {
      agent.close();
      throw e;
    }
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
        new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert", certPem.toString()));
    cmd.addAll(List.of(args));
    TestBed.Result r = TestBed.run(TIMEOUT, cmd);
    assertThat(r.exitCode()).as("%s: %s", cmd, r.stderr()).isZero();
    return r;
  }

  private static SSLContext trusting() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /**
   * The key store's certificate and PKCS#8 key as PEM: with openssl when installed, else in Java.
   */
  private static void exportPem() throws Exception {
    if (TestBed.run(TIMEOUT, List.of("sh", "-c", "command -v openssl")).exitCode() == 0) {
      String pass = "file:" + passwordFile;
      Path raw = dir.resolve("raw.pem");
      TestBed.exec(
          "openssl",
          "pkcs12",
          "-in",
          keystore.toString(),
          "-passin",
          pass,
          "-nokeys",
          "-clcerts",
          "-out",
          raw.toString());
      TestBed.exec("openssl", "x509", "-in", raw.toString(), "-out", certPem.toString());
      TestBed.exec(
          "openssl",
          "pkcs12",
          "-in",
          keystore.toString(),
          "-passin",
          pass,
          "-nocerts",
          "-nodes",
          "-out",
          raw.toString());
      TestBed.exec("openssl", "pkey", "-in", raw.toString(), "-out", keyPem.toString());
      Files.delete(raw);
      return;
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    Key key = ks.getKey("virtmx", PASSWORD.toCharArray());
    Files.writeString(certPem, pem("CERTIFICATE", ks.getCertificate("virtmx").getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
