/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.WatchedDomain;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agent jar in its own process with a users file and the Jolokia view on a free port, watching
 * a real QEMU domain on qemu:///system; a plain HTTP client (and curl, through
 * docs/examples/jolokia-curl.sh) reads and operates, and every result is checked against virsh. The
 * poll interval is 60 s: changes seen come from events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JolokiaIT {
  private static final String URI = TestBed.QEMU_URI;
  private static WatchedDomain bed;
  private static String url;
  private static String host;
  private static String vm;
  private static JolokiaClient alice;
  private static JolokiaClient bob;

  @BeforeAll
  static void start() throws Exception {
    bed = WatchedDomain.start("virtmx-jolokia-it", AgentArgs::jolokia);
    vm = bed.vm();
    int port = bed.port();
    bed.agent()
        .awaitLog(
            "view started: jolokia at http://127\\.0\\.0\\.1:" + port + "/jolokia \\(basic auth\\)",
            0,
            Duration.ofSeconds(60));
    url = "http://127.0.0.1:" + port + "/jolokia";
    alice = new JolokiaClient(url, "alice", "alice-secret");
    bob = new JolokiaClient(url, "bob", "bob-secret");
    JsonNode hosts =
        await(() -> bob.get("/search/libvirt:type=Host,*").value(), v -> v.size() == 1);
    host = hosts.get(0).asText().replaceFirst(".*host=", "");
    await(
        () -> bob.get("/read/" + domain() + "/State").json(), j -> j.path("status").asInt() == 200);
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static String domain() {
    return "libvirt:type=Domain,host=" + host + ",name=" + vm;
  }

  private static String virshState() {
    return TestBed.virsh("-c", URI, "domstate", vm).strip();
  }

  /** A value that may take a moment (events arrive asynchronously). */
  interface Poll<T> {
    T get() throws Exception;
  }

  private static <T> T await(Poll<T> value, java.util.function.Predicate<T> condition)
      throws Exception {
    return Await.until("Jolokia value as awaited", value::get, condition, Duration.ofSeconds(10));
  }

  @Test
  @Order(1)
  void getAndPostReadsEqualVirsh() throws Exception {
    Map<String, String> stats = TestBed.domstats(URI, vm);
    JolokiaClient.Reply state = bob.get("/read/" + domain() + "/State");
    assertThat(state.http()).isEqualTo(200);
    assertThat(state.status()).isEqualTo(200);
    assertThat(state.value().asText()).isEqualTo(virshState()).isEqualTo("running");
    assertThat(bob.get("/read/" + domain() + "/Uuid").value().asText())
        .isEqualTo(TestBed.virsh("-c", URI, "domuuid", vm).strip());
    JsonNode post =
        bob.post(
                "{\"type\":\"read\",\"mbean\":\""
                    + domain()
                    + "\",\"attribute\":[\"Id\",\"Vcpus\",\"MaxMemoryKib\",\"Disks\"]}")
            .value();
    assertThat(post.path("Id").asText()).isEqualTo(TestBed.virsh("-c", URI, "domid", vm).strip());
    assertThat(post.path("Vcpus").asText()).isEqualTo(stats.get("vcpu.current"));
    assertThat(post.path("MaxMemoryKib").asText()).isEqualTo(stats.get("balloon.maximum"));
    assertThat(post.path("Disks").toString()).isEqualTo("[\"vda\",\"vdb\"]");
  }

  @Test
  @Order(2)
  void bulkRequestReadsSeveralMBeans() throws Exception {
    JsonNode replies =
        bob.post(
                "[{\"type\":\"read\",\"mbean\":\""
                    + domain()
                    + "\",\"attribute\":\"State\"},"
                    + "{\"type\":\"read\",\"mbean\":\"libvirt:type=Host,host="
                    + host
                    + "\",\"attribute\":\"DomainCount\"},"
                    + "{\"type\":\"read\",\"mbean\":\"libvirt:type=DomainDisk,host="
                    + host
                    + ",domain="
                    + vm
                    + ",name=vda\",\"attribute\":\"ReadBytes\"},"
                    + "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"VmName\"}]")
            .json();
    assertThat(replies.size()).isEqualTo(4);
    replies.forEach(r -> assertThat(r.path("status").asInt()).as(r.toString()).isEqualTo(200));
    assertThat(replies.get(0).path("value").asText()).isEqualTo(virshState());
    int defined = TestBed.virsh("-c", URI, "list", "--all", "--name").strip().split("\n").length;
    assertThat(replies.get(1).path("value").asInt()).isEqualTo(defined);
    assertThat(replies.get(2).path("value").asLong()).isPositive();
    assertThat(replies.get(3).path("value").asText()).isNotEmpty();
  }

  @Test
  @Order(3)
  void viewerExecIsRefusedBeforeTheMBeanAndTheDomainIsUntouched() throws Exception {
    for (String op : List.of("suspend", "shutdown", "destroy")) {
      JolokiaClient.Reply r = bob.get("/exec/" + domain() + "/" + op);
      assertThat(r.status()).isEqualTo(403);
      // the restrictor's message, not the operations service's ("user 'bob' (viewer) may not run
      // …"): the call
      // never reached the MBean
      assertThat(r.json().path("error").asText())
          .startsWith("Operation " + op + " forbidden for MBean");
      assertThat(r.json().has("stacktrace")).isFalse();
    }
    assertThat(virshState()).isEqualTo("running");
    assertThat(bed.agent().log())
        .doesNotContain("by bob")
        .doesNotContainPattern("op=(suspend|shutdown|destroy) .*user=bob");
  }

  @Test
  @Order(4)
  void operatorRunsLifecycleOperationsSeenByVirsh() throws Exception {
    exec("suspend", "paused");
    exec("resume", "running");
    JolokiaClient.Reply again = alice.get("/exec/" + domain() + "/resume");
    assertThat(again.status()).isEqualTo(500);
    assertThat(again.json().path("error").asText())
        .isEqualTo("domain '" + vm + "' is running: cannot resume it");
    assertThat(again.json().has("stacktrace")).isFalse();
    assertThat(alice.get("/exec/" + domain() + "/shutdown").status())
        .isEqualTo(200); // no guest OS: no effect
    exec("destroy", "shut off");
    exec("start", "running");
    assertThat(bed.agent().log()).containsPattern(audited("start", host));
  }

  /** The audit line of a successful operation by alice through Jolokia on the test domain. */
  private static String audited(String operation, String onHost) {
    return "audit: op="
        + operation
        + " result=ok host="
        + Pattern.quote(onHost)
        + " object=domain/"
        + Pattern.quote(vm)
        + " .*user=alice role=operator view=jolokia";
  }

  private static void exec(String operation, String state) throws Exception {
    JolokiaClient.Reply r =
        alice.post(
            "{\"type\":\"exec\",\"mbean\":\""
                + domain()
                + "\",\"operation\":\""
                + operation
                + "\"}");
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    assertThat(virshState()).isEqualTo(state);
    String seen =
        await(() -> alice.get("/read/" + domain() + "/State").value().asText(), state::equals);
    assertThat(seen).isEqualTo(state);
  }

  @Test
  @Order(5)
  void missingOrWrongCredentialsGet401InJolokiasErrorForm() throws Exception {
    for (JolokiaClient c :
        List.of(
            new JolokiaClient(url, null, null),
            new JolokiaClient(url, "alice", "wrong"),
            new JolokiaClient(url, "mallory", "x"))) {
      JolokiaClient.Reply r = c.get("/read/" + domain() + "/State");
      assertThat(r.http()).isEqualTo(401);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().path("error").asText()).startsWith("authentication");
    }
  }

  @Test
  @Order(6)
  void jvmDiagnosticsWritesAndProxyAreRefusedForEveryone() throws Exception {
    for (JolokiaClient c : List.of(alice, bob)) {
      assertThat(c.get("/exec/java.lang:type=Memory/gc").status()).isEqualTo(403);
      assertThat(
              c.post(
                      "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\","
                          + "\"operation\":\"vmSystemProperties\"}")
                  .status())
          .isEqualTo(403);
      assertThat(
              c.post(
                      "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\","
                          + "\"operation\":\"dumpHeap\",\"arguments\":[\"/tmp/x.hprof\",true]}")
                  .status())
          .isEqualTo(403);
      assertThat(
              c.post(
                      "{\"type\":\"write\",\"mbean\":\""
                          + domain()
                          + "\",\"attribute\":\"Autostart\","
                          + "\"value\":true}")
                  .status())
          .isEqualTo(403);
      JolokiaClient.Reply proxy =
          c.post(
              "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":"
                  + "\"VmName\",\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:1099/jmxrmi\"}}");
      assertThat(proxy.status()).isEqualTo(403);
      assertThat(proxy.json().path("error").asText()).contains("proxy");
      assertThat(c.get("/search/*:*").value().toString())
          .contains("libvirt:")
          .contains("java.lang:")
          .doesNotContain("com.sun.management")
          .doesNotContain("jdk.management.jfr");
    }
    assertThat(Files.exists(Path.of("/tmp/x.hprof"))).isFalse();
    assertThat(TestBed.virsh("-c", URI, "dominfo", vm)).contains("Autostart:      disable");
  }

  @Test
  @Order(7)
  void curlExampleScriptRunsAgainstTheAgent() throws Exception {
    Path script = Path.of("docs/examples/jolokia-curl.sh").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "JOLOKIA_URL",
                url,
                "JOLOKIA_USER",
                "alice",
                "JOLOKIA_PASSWORD",
                "alice-secret",
                "HOST",
                host,
                "DOMAIN",
                vm));
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    List<String> json = out.lines().filter(l -> l.startsWith("{") || l.startsWith("[")).toList();
    assertThat(json).hasSize(6);
    for (String line : json) {
      JsonNode n = JolokiaClient.JSON.readTree(line);
      (n.isArray() ? n : JolokiaClient.JSON.createArrayNode().add(n))
          .forEach(r -> assertThat(r.path("status").asInt()).as(line).isEqualTo(200));
    }
    assertThat(json.get(1)).contains("\"value\":\"running\"");
    assertThat(virshState()).isEqualTo("running");
    assertThat(bed.agent().log()).containsPattern(audited("suspend", host));
  }
}
