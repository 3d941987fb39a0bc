/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * The two standard CIM clients, wbemcli (a process) and the SBLIM JSR-48 client, aimed at an agent
 * jar serving the CIM view only, with users alice (operator) and bob (viewer); closing stops the
 * agent.
 */
final class CimClients implements AutoCloseable {
  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String PASSWORD = "s3cret-pw";

  final int port;
  final AgentProcess agent;

  private CimClients(int port, AgentProcess agent) {
    this.port = port;
    this.agent = agent;
  }

  /**
   * Starts the agent on {@code uri} serving CIM only, users in {@code dir}, and waits until it
   * serves the host system through wbemcli.
   */
  static CimClients start(String uri, Path dir) {
    return start(dir, "--connect", uri);
  }

  /**
   * Starts the agent serving CIM only with {@code more} arguments (its --connect ones among them;
   * --interval 2s unless they say), users in {@code dir}, and waits until it serves the host system through wbemcli.
   */
  static CimClients start(Path dir, String... more) {
    Path users =
        TestUsers.operator(ALICE, PASSWORD).andViewer(BOB, PASSWORD).save(dir.resolve("users"));
    int port = AgentProcess.freePort();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--no-metrics",
                "--no-jolokia",
                "--cim",
                "--cim-port",
                String.valueOf(port),
                "--users",
                users.toString()));
    if (!List.of(more).contains("--interval")) {
      args.addAll(List.of("--interval", "2s"));
    }
    args.addAll(List.of(more));
    CimClients cim = new CimClients(port, AgentProcess.started(args));
    try {
      Await.untilAnswers(
          "wbemcli lists the HostSystem",
          () -> cim.wbemcli(ALICE, "ein", "root/virt:CIM_ComputerSystem").stdout(),
          out -> out.contains("HostSystem"),
          AgentProcess.STARTUP);
    } catch (RuntimeException | AssertionError e) {
      cim.close();
      throw e;
    }
    return cim;
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

  /** Everything an iterator of the JSR-48 client holds, which it then closes. */
  static <T> List<T> all(CloseableIterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    it.close();
    return out;
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

  /** Removes a work directory and what is in it (one level: the ITs' directories are flat). */
  static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      files.forEach(TestBed::deleteQuietly);
    } catch (java.io.IOException ignored) {
      // best effort
    }
    TestBed.deleteQuietly(dir);
  }

  @Override
  public void close() {
    agent.close();
  }
}
