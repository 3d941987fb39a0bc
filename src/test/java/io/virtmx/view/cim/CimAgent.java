package io.virtmx.view.cim;

import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * The shaded jar run as a user runs it with the CIM view on a free port and a users file (alice
 * operator, bob viewer), plus the two standard clients: wbemcli (a process) and the SBLIM JSR-48
 * client.
 */
final class CimAgent implements AutoCloseable {
  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String PASSWORD = "s3cret-pw";

  final int port;
  private final Process process;
  private final Path dir;

  CimAgent(String uri) throws IOException, InterruptedException {
    dir = Files.createTempDirectory("virtmx-cim-it");
    Path users = dir.resolve("users");
    UsersFile.empty()
        .with(ALICE, Role.OPERATOR, PASSWORD.toCharArray())
        .with(BOB, Role.VIEWER, PASSWORD.toCharArray())
        .save(users);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    process =
        new ProcessBuilder(
                "java",
                "-jar",
                System.getProperty("virtmx.jar", "target/virtmx.jar"),
                "--no-metrics",
                "--no-jolokia",
                "--connect",
                uri,
                "--cim",
                "--cim-port",
                String.valueOf(port),
                "--users",
                users.toString(),
                "--interval",
                "2s")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("agent.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!wbemcli(ALICE, "ein", "root/virt:CIM_ComputerSystem").stdout().contains("HostSystem")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroy();
        throw new IllegalStateException(
            "agent did not serve CIM: " + Files.readString(dir.resolve("agent.log")));
      }
      Thread.sleep(500);
    }
  }

  /** Runs wbemcli against {@code path} ("root/virt:Class.key=…") as that user ("" for none). */
  TestBed.Result wbemcli(String user, String op, String path, String... more) {
    String auth = user.isEmpty() ? "" : user + ":" + PASSWORD + "@";
    List<String> cmd =
        new ArrayList<>(
            List.of("wbemcli", op, "http://" + auth + "127.0.0.1:" + port + "/" + path));
    cmd.addAll(List.of(more));
    return TestBed.run(cmd);
  }

  /** The values of a property in wbemcli's output lines ({@code Name="vm1"}). */
  static List<String> values(String wbemcliOutput, String property) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[ ,]" + property + "=\"([^\"]*)\"").matcher(wbemcliOutput);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  WBEMClient client(String user) throws Exception {
    WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal(user));
    subject.getPrivateCredentials().add(new PasswordCredential(PASSWORD));
    c.initialize(
        new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), null, null, null),
        subject,
        null);
    return c;
  }

  CIMObjectPath path(String ns, String className) {
    return new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), ns, className, null);
  }

  /** A raw CIM-XML POST: status, CIMError header and body. */
  record Raw(int status, String cimError, String body) {}

  Raw post(String user, String password, String method, String object, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cimom"))
            .header("Content-Type", "application/xml; charset=utf-8")
            .header("CIMOperation", "MethodCall")
            .header("CIMMethod", method)
            .header("CIMObject", object)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Raw(r.statusCode(), r.headers().firstValue("CIMError").orElse(null), r.body());
  }

  String log() throws IOException {
    return Files.readString(dir.resolve("agent.log"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
