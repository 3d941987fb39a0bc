/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * An agent watching the test bed's first host for the hot-plug and save ITs: Jolokia and /metrics
 * behind a users file (operator {@code ops}, viewer {@code view}), a {@code --disk-dir} and a
 * {@code --save-dir} under a work directory in /var/tmp (readable by QEMU), the audit log in a file;
 * plus what those ITs ask the views and the guest.
 */
final class DomainOpsAgent implements AutoCloseable {
  static final String PASSWORD = "pw-domainops";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final TestBedEnv bed;
  final String uri;
  final String guest;
  final Path work;
  final Path diskDir;
  final Path saveDir;
  final Path auditLog;
  private final int jolokiaPort;
  private final int metricsPort;
  private final AgentProcess agent;

  /** Starts the agent; {@code interval} long, so only events and operations refresh it. */
  DomainOpsAgent(String interval) throws IOException {
    bed = TestBedEnv.get();
    uri = bed.hostUri();
    guest = bed.guest1();
    work = Files.createTempDirectory(Path.of("/var/tmp"), "vmx-domainops-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    diskDir = Files.createDirectory(work.resolve("disks"));
    saveDir = Files.createDirectory(work.resolve("save"));
    auditLog = work.resolve("audit.log");
    Path users = work.resolve("users");
    TestUsers.operator("ops", PASSWORD).andViewer("view", PASSWORD).save(users);
    jolokiaPort = AgentProcess.freePort();
    metricsPort = AgentProcess.freePort();
    agent =
        AgentArgs.watching(uri, interval)
            .users(users)
            .jolokia(jolokiaPort)
            .metrics(metricsPort)
            .add("--disk-dir", diskDir.toString(), "--save-dir", saveDir.toString())
            // restore checks the saved definition's files: the guest's image, console log, kernel
            .add("--disk-dir", "/var/lib/virtmx-testbed/images")
            .add("--disk-dir", "/var/cache/virtmx-testbed/boot")
            .add("--audit-log", auditLog.toString())
            .started();
  }

  String domainBean() {
    return "libvirt:type=Domain,host=" + bed.hostName() + ",name=" + guest;
  }

  /** A Jolokia exec (plain HTTP POST) on the guest's Domain MBean as {@code user}: the answer. */
  JsonNode exec(String user, String operation, Object... arguments) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    request.put("type", "exec").put("mbean", domainBean()).put("operation", operation);
    ArrayNode args = request.putArray("arguments");
    for (Object a : arguments) {
      args.addPOJO(a);
    }
    return post(user, JSON.writeValueAsString(request));
  }

  /** Whether Jolokia finds an MBean named {@code name}. */
  boolean mbeanExists(String name) throws Exception {
    JsonNode r = post("view", "{\"type\":\"search\",\"mbean\":\"" + name + "\"}");
    return r.path("value").size() > 0;
  }

  private JsonNode post(String user, String body) throws Exception {
    String url = "http://127.0.0.1:" + jolokiaPort + "/jolokia";
    return JSON.readTree(ViewRequests.postAs(url, user, PASSWORD, body));
  }

  /** The /metrics page, as the viewer. */
  String metrics() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .header("Authorization", ViewRequests.basic("view", PASSWORD))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Whether a series of the guest named {@code prefix}… carries {@code labels} ("k=\"v\""). */
  boolean hasSeries(String prefix, String labels) throws Exception {
    return metrics()
        .lines()
        .anyMatch(
            l ->
                l.startsWith(prefix)
                    && l.contains("domain=\"" + guest + "\"")
                    && l.contains(labels));
  }

  String audit() throws IOException {
    return Files.exists(auditLog) ? Files.readString(auditLog) : "";
  }

  /**
   * Brings the guest back running: restored from an image left in the save dir, started when shut
   * off without one, resumed when paused.
   */
  void guestRunning() {
    String state = TestBedEnv.domstate(uri, guest);
    if (state.startsWith("shut off")) {
      try (Stream<Path> images = Files.list(saveDir)) {
        List<Path> saved = images.toList();
        if (!saved.isEmpty()) {
          TestBedEnv.virsh(uri, "restore", saved.get(0).toString(), "--running");
          saved.forEach(TestBed::deleteQuietly);
        } else {
          TestBedEnv.virsh(uri, "start", guest);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else if (state.startsWith("paused")) {
      TestBedEnv.virsh(uri, "resume", guest);
    }
    TestBedEnv.awaitAgent(uri, guest, TestBedEnv.BOOT);
  }

  /** The guest agent's answer to {@code command} ("guest-get-disks"), "{}" if none. */
  String agentAnswer(String command) {
    return TestBedEnv.agentCommand(uri, guest, "{\"execute\":\"" + command + "\"}").orElse("{}");
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }

  @Override
  public void close() {
    agent.close();
    TestBed.run(List.of("rm", "-rf", work.toString()));
  }
}
