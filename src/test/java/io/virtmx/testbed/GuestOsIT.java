/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test bed's guest with a real operating system, {@code vmx-guest1} on the local host: its
 * guest agent answers, {@code virsh shutdown} powers it off (through the agent, and through the
 * ACPI power button) and every view of the agent shows the new state and reason, {@code virsh
 * reboot} reboots it, and after {@code virsh setmem} the balloon statistics follow, in {@code virsh
 * dommemstat} and in /metrics alike.
 */
class GuestOsIT {
  /** The bound for a guest to power off after {@code virsh shutdown}. */
  private static final Duration SHUTDOWN = Duration.ofSeconds(60);

  private static final Duration COLLECTED = Duration.ofSeconds(30);
  private static final long MIB = 1024;

  private static TestBedEnv bed;
  private static AgentProcess agent;
  private static int metricsPort;
  private static int jolokiaPort;
  private static int cimPort;
  private static String uri;
  private static String guest;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startAgent() {
    bed = TestBedEnv.get();
    uri = bed.hostUri();
    guest = bed.guest1();
    metricsPort = AgentProcess.freePort();
    jolokiaPort = AgentProcess.freePort();
    cimPort = AgentProcess.freePort();
    agent =
        AgentProcess.started(
            "--connect",
            uri,
            "--interval",
            "1s",
            "--metrics-port",
            String.valueOf(metricsPort),
            "--jolokia-port",
            String.valueOf(jolokiaPort),
            "--cim",
            "--cim-port",
            String.valueOf(cimPort));
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  /** Each test starts from the guest running with its full memory and its agent answering. */
  @BeforeEach
  void guestRunning() {
    if (TestBedEnv.domstate(uri, guest).startsWith("shut off")) {
      TestBedEnv.virsh(uri, "start", guest);
    }
    TestBedEnv.awaitAgent(uri, guest, TestBedEnv.BOOT);
    long full = Long.parseLong(bed.value("GUEST_MEMORY_KIB"));
    if (TestBedEnv.dommemstat(uri, guest).get("actual") != full) {
      TestBedEnv.virsh(uri, "setmem", guest, full + "KiB", "--live");
      Await.until(
          "balloon back at " + full + " KiB",
          () -> TestBedEnv.dommemstat(uri, guest).get("actual"),
          v -> v == full,
          COLLECTED);
    }
  }

  @Test
  void theGuestAgentAnswers() {
    assertThat(TestBedEnv.agentCommand(uri, guest, "{\"execute\":\"guest-ping\"}"))
        .hasValue("{\"return\":{}}");
    // and it is this guest's OS answering: its host name is the guest's name
    assertThat(TestBedEnv.agentCommand(uri, guest, "{\"execute\":\"guest-get-host-name\"}"))
        .hasValueSatisfying(v -> assertThat(v).contains("\"host-name\":\"" + guest + "\""));
  }

  @Test
  void shutdownReachesShutOffAndEveryViewShowsStateAndReason() throws Exception {
    String metrics = "http://127.0.0.1:" + metricsPort + "/metrics";
    agent.awaitPage(metrics, body -> stateCode(body) == 1.0, COLLECTED);
    assertThat(cimEnabledState()).isEqualTo(2); // Enabled

    long start = System.nanoTime();
    TestBedEnv.virsh(uri, "shutdown", guest);
    Await.until(
        guest + " shut off after virsh shutdown",
        () -> TestBedEnv.domstate(uri, guest),
        "shut off (shutdown)"::equals,
        SHUTDOWN);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThanOrEqualTo(SHUTDOWN);

    // Prometheus: state 5 (shut off), reason 1 (shutdown)
    String page = agent.awaitPage(metrics, body -> stateCode(body) == 5.0, COLLECTED);
    assertThat(
            TestBedEnv.metric(
                page, "libvirt_domain_state_reason_code", "host", bed.hostName(), "domain", guest))
        .hasValue(1.0);
    // JMX, through Jolokia
    String bean =
        "http://127.0.0.1:"
            + jolokiaPort
            + "/jolokia/read/libvirt:type=Domain,host="
            + bed.hostName()
            + ",name="
            + guest;
    assertThat(json.readTree(HttpGet.get(bean + "/State")).get("value").asText())
        .isEqualTo("shut off");
    assertThat(json.readTree(HttpGet.get(bean + "/StateReason")).get("value").asInt()).isEqualTo(1);
    // CIM: the domain's ComputerSystem is Disabled (3)
    assertThat(cimEnabledState()).isEqualTo(3);
    // the command-line view
    JsonNode once = onceJson();
    JsonNode d = domain(once, guest);
    assertThat(d.get("status").get("state").asText()).isEqualTo("SHUTOFF");
    assertThat(d.get("status").get("code").asInt()).isEqualTo(1);
  }

  @Test
  void theAcpiPowerButtonPowersItOff() {
    TestBedEnv.virsh(uri, "shutdown", "--mode", "acpi", guest);
    Await.until(
        guest + " shut off after the ACPI power button",
        () -> TestBedEnv.domstate(uri, guest),
        "shut off (shutdown)"::equals,
        SHUTDOWN);
  }

  @Test
  void rebootBringsTheGuestAgentBack() {
    int before = boots();
    TestBedEnv.virsh(uri, "reboot", guest);
    // the boot counter on /data is read through the agent, so this also awaits the agent
    Await.until(
        guest + " booted again (boot counter on /data after " + before + ")",
        () -> TestBedEnv.guestFile(uri, guest, "/data/boots").map(String::strip).orElse(""),
        v -> v.equals(String.valueOf(before + 1)),
        TestBedEnv.BOOT);
    TestBedEnv.awaitAgent(uri, guest, TestBedEnv.BOOT);
    assertThat(TestBedEnv.domstate(uri, guest)).startsWith("running");
  }

  @Test
  void balloonStatisticsFollowSetmemInVirshAndInTheAgent() {
    long full = Long.parseLong(bed.value("GUEST_MEMORY_KIB"));
    long smaller = full - 64 * MIB;
    Map<String, Long> before = awaitBalloon(full, Long.MAX_VALUE);
    assertNonNegative(before);
    awaitAgentFollows(before);

    TestBedEnv.virsh(uri, "setmem", guest, smaller + "KiB", "--live");
    // the guest's total memory (available) drops with the balloon, by about what it took
    Map<String, Long> shrunk = awaitBalloon(smaller, before.get("available") - 48 * MIB);
    assertNonNegative(shrunk);
    assertThat(shrunk.get("unused")).isLessThan(before.get("unused"));
    assertThat(shrunk.get("usable")).isLessThan(before.get("usable"));
    awaitAgentFollows(shrunk);

    TestBedEnv.virsh(uri, "setmem", guest, full + "KiB", "--live");
    Map<String, Long> grown =
        Await.until(
            "balloon deflated to " + full + " KiB, available back up",
            () -> TestBedEnv.dommemstat(uri, guest),
            s ->
                s.get("actual") == full
                    && s.getOrDefault("available", -1L) >= shrunk.get("available") + 48 * MIB,
            COLLECTED);
    assertNonNegative(grown);
    awaitAgentFollows(grown);
  }

  /** Waits until virsh reports the balloon at {@code actual} and available at most {@code max}. */
  private static Map<String, Long> awaitBalloon(long actual, long maxAvailable) {
    return Await.until(
        "balloon at " + actual + " KiB with available <= " + maxAvailable,
        () -> TestBedEnv.dommemstat(uri, guest),
        s ->
            s.get("actual") == actual
                && s.containsKey("unused")
                && s.containsKey("usable")
                && s.getOrDefault("available", Long.MAX_VALUE) <= maxAvailable,
        COLLECTED);
  }

  private static void assertNonNegative(Map<String, Long> stats) {
    for (String k : new String[] {"unused", "available", "usable"}) {
      assertThat(stats.get(k)).as(k + " in " + stats).isNotNull().isNotNegative();
    }
    assertThat(stats.get("unused")).isLessThanOrEqualTo(stats.get("available"));
    assertThat(stats.get("usable")).isLessThanOrEqualTo(stats.get("available"));
  }

  /**
   * Waits until /metrics shows what virsh showed: the same balloon size and total memory, and
   * unused/usable within 16 MiB (they move with the guest's page cache between the two reads).
   */
  private void awaitAgentFollows(Map<String, Long> virsh) {
    String metrics = "http://127.0.0.1:" + metricsPort + "/metrics";
    agent.awaitPage(
        metrics,
        body -> {
          double actual = balloon(body, "actual_balloon");
          double available = balloon(body, "available");
          double unused = balloon(body, "unused");
          double usable = balloon(body, "usable");
          return actual == virsh.get("actual") * 1024.0
              && available == virsh.get("available") * 1024.0
              && unused >= 0
              && usable >= 0
              && Math.abs(unused - virsh.get("unused") * 1024.0) <= 16 * MIB * 1024
              && Math.abs(usable - virsh.get("usable") * 1024.0) <= 16 * MIB * 1024;
        },
        COLLECTED);
    // and the JMX view, through Jolokia (KiB)
    String bean =
        "http://127.0.0.1:"
            + jolokiaPort
            + "/jolokia/read/libvirt:type=Domain,host="
            + bed.hostName()
            + ",name="
            + guest
            + "/BalloonActualKib,BalloonAvailableKib,BalloonUnusedKib,BalloonUsableKib";
    Await.untilAnswers(
        "JMX balloon attributes follow virsh dommemstat " + virsh,
        () -> json.readTree(HttpGet.get(bean)).get("value"),
        v ->
            v.get("BalloonActualKib").asLong() == virsh.get("actual")
                && v.get("BalloonAvailableKib").asLong() == virsh.get("available")
                && v.get("BalloonUnusedKib").asLong() >= 0
                && v.get("BalloonUsableKib").asLong() >= 0
                && Math.abs(v.get("BalloonUnusedKib").asLong() - virsh.get("unused")) <= 16 * MIB
                && Math.abs(v.get("BalloonUsableKib").asLong() - virsh.get("usable")) <= 16 * MIB,
        COLLECTED);
  }

  /** The guest's {@code KVM_ComputerSystem.EnabledState} from the agent's CIM view (wbemcli). */
  private static int cimEnabledState() {
    String out =
        TestBed.exec(
            "wbemcli",
            "gi",
            "http://127.0.0.1:"
                + cimPort
                + "/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\""
                + guest
                + "\"");
    Matcher m = Pattern.compile("(?<![A-Za-z])EnabledState=(\\d+)").matcher(out);
    assertThat(m.find()).as("EnabledState in " + out).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static double balloon(String body, String stat) {
    return TestBedEnv.metric(
            body,
            "libvirt_domain_memory_stats_" + stat + "_bytes",
            "host",
            bed.hostName(),
            "domain",
            guest)
        .orElse(-1);
  }

  private static double stateCode(String body) {
    return TestBedEnv.metric(
            body, "libvirt_domain_state_code", "host", bed.hostName(), "domain", guest)
        .orElse(-1);
  }

  private static int boots() {
    Optional<String> b = TestBedEnv.guestFile(uri, guest, "/data/boots");
    assertThat(b).as("boot counter on /data").isPresent();
    return Integer.parseInt(b.get().strip());
  }

  private JsonNode onceJson() throws Exception {
    TestBed.Result r =
        AgentProcess.run(Duration.ofSeconds(120), "--once", "--format", "json", "--connect", uri);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return json.readTree(r.stdout());
  }

  private static JsonNode domain(JsonNode once, String name) {
    for (JsonNode h : once.get("hosts")) {
      for (JsonNode d : h.get("domains")) {
        if (d.get("name").asText().equals(name)) {
          return d;
        }
      }
    }
    throw new AssertionError("no domain " + name + " in " + once);
  }
}
