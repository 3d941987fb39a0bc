/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.view.jmx.ShellProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live peer-to-peer migration of {@code vmx-guest1}, its disk copied, run through the agent's
 * {@code migrate} operation by a plain JMX client in its own JVM, with one agent watching both hosts
 * at a 30 s interval: progress between 0 and 100 % in /metrics and on the MBean while it runs (the
 * job sampled every second), the domain under hv2 in /metrics, JMX and Jolokia right after, the
 * started/completed/failed notifications, the way back, an unreachable destination and an abort.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationIT {
  private static final Duration MIGRATION = Duration.ofMinutes(5);
  private static final Duration SEEN = Duration.ofSeconds(20);
  private static final String OPERATOR = "vmx-migration-op";
  private static final String PASSWORD = "vmx-migration-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestBedEnv bed;
  private static Path dir;
  private static AgentProcess agent;
  private static String metricsUrl;
  private static String jolokiaUrl;
  private static String jmxUrl;

  @BeforeAll
  static void agentWatchingBothHosts() throws IOException {
    bed = TestBedEnv.get();
    dir = Files.createTempDirectory("vmx-migration-");
    Path users = TestUsers.operator(OPERATOR, PASSWORD).save(dir.resolve("users"));
    int metrics = AgentProcess.freePort();
    int jolokia = AgentProcess.freePort();
    int jmx = AgentProcess.freePort();
    agent =
        AgentArgs.watching(bed.hostUri(), "30s")
            .add("--connect", bed.hv2TlsUri())
            // where this test migrates: to hv2 (TLS with its pkipath, SSH and TCP to HV2_IP) and
            // back over hv2's socket to this host, whose data address is HOST_IP; and the
            // unreachable destination
            .add("--migrate-allow", bed.hv2TlsUri())
            .add("--migrate-allow", bed.value("HV2_IP"))
            .add("--migrate-allow", bed.value("HOST_FROM_HV2_URI"))
            .add("--migrate-allow", bed.value("HOST_IP"))
            .add("--migrate-allow", "qemu+tcp://198.18.0.99/system")
            .users(users)
            .metrics(metrics)
            .jolokia(jolokia)
            .jmx(jmx)
            .started();
    metricsUrl = "http://127.0.0.1:" + metrics + "/metrics";
    jolokiaUrl = "http://127.0.0.1:" + jolokia + "/jolokia";
    jmxUrl = ViewRequests.jmxUrl(jmx);
    guestAnswers(bed.hostUri());
    scrapeUntil(body -> on(body, home()) && !on(body, hv2()), Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws IOException {
    if (agent != null) {
      agent.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Leaves the guest where the bed keeps it, whatever the test did: a migration still running is
   * aborted, one that finished is undone.
   */
  @AfterEach
  void guestBackHome() {
    GuestHome.bringBackGuest1(bed, MIGRATION);
  }

  @Test
  @Order(1)
  void migrateOverJmxShowsProgressAndTheDomainOnHv2InEveryViewThenBack() throws Exception {
    try (ShellProcess watcher = shell();
        ShellProcess operator = shell()) {
      watcher.ok("listen", hostMBean(home()));
      long t0 = System.nanoTime();
      // 20 MiB/s: the 64 MiB disk and 256 MiB of memory take long enough to be seen moving
      CompletableFuture<String> migrated =
          invokeAsync(operator, domainMBean(home()), "migrate", bed.hv2TlsUri(), "", "true", "all", "20");

      // one probe reads both views, so both show the same moment of the migration
      String[] seen =
          Await.until(
              "progress strictly between 0 and 100 % in /metrics and over JMX",
              () ->
                  new String[] {
                    scrape(), watcher.ok("get", domainMBean(home()), "JobProgressPercent")
                  },
              v -> migrated.isDone() || (inProgress(v[0]) && between0And100(v[1])),
              MIGRATION);
      assertThat(migrated).as("still migrating at the scrape and the JMX read").isNotDone();
      String during = seen[0];
      String percent = seen[1];
      double ratio = progress(during).orElseThrow();
      assertThat(ratio).isStrictlyBetween(0.0, 1.0);
      assertThat(metric(during, "libvirt_domain_job_data_total_bytes")).isPositive();
      assertThat(metric(during, "libvirt_domain_job_type")).isEqualTo(2.0); // unbounded
      assertThat(Double.parseDouble(percent)).isStrictlyBetween(0.0, 100.0);

      assertThat(migrated.get(5, TimeUnit.MINUTES)).isEqualTo("OK null");
      System.out.printf(
          "migration to hv2 over JMX: %.1f s, progress seen at scrape %.1f %%, over JMX %s %%%n",
          (System.nanoTime() - t0) / 1e9, ratio * 100, percent);
      assertThat(watcher.ok("await", "libvirt.domain.migration.started", "5000"))
          .contains("vmx-guest1 on " + home() + ": migration to qemu+tls://");
      assertThat(watcher.ok("await", "libvirt.domain.migration.completed", "5000"))
          .contains("completed");

      assertThat(TestBedEnv.defined(bed.hostUri(), bed.guest1())).as("left home").isFalse();
      assertThat(TestBedEnv.domstate(bed.hv2ControlUri(), bed.guest1())).startsWith("running");
      onlyOn(hv2(), home(), watcher);
      guestAnswers(bed.hv2ControlUri());

      // back over JMX on hv2's MBean: hv2's libvirtd connects to the local one's socket
      assertThat(
              invokeAsync(
                      operator,
                      domainMBean(hv2()),
                      "migrate",
                      bed.value("HOST_FROM_HV2_URI"),
                      bed.value("HOST_IP"),
                      "true",
                      "all",
                      "0")
                  .get(5, TimeUnit.MINUTES))
          .isEqualTo("OK null");
      assertThat(TestBedEnv.domstate(bed.hostUri(), bed.guest1())).startsWith("running");
      onlyOn(home(), hv2(), watcher);
    }
  }

  @Test
  @Order(2)
  void anUnreachableDestinationFailsFastWithLibvirtsMessageAndTheDomainStaysHome()
      throws Exception {
    try (ShellProcess watcher = shell();
        ShellProcess operator = shell()) {
      watcher.ok("listen", domainMBean(home()));
      long t0 = System.nanoTime();
      String answer =
          operator.send(
              "invoke",
              domainMBean(home()),
              "migrate",
              "qemu+tcp://198.18.0.99/system",
              "",
              "true",
              "all",
              "0");
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("unreachable destination refused after %.1f s: %s%n", seconds, answer);
      assertThat(answer)
          .startsWith("ERR")
          .contains("unable to connect to server at '198.18.0.99:16509'");
      assertThat(seconds).isLessThan(30);
      assertThat(watcher.ok("await", "libvirt.domain.migration.failed", "5000"))
          .contains("198.18.0.99")
          .contains("unable to connect");
      assertThat(TestBedEnv.domstate(bed.hostUri(), bed.guest1())).startsWith("running");
      assertThat(TestBedEnv.defined(bed.hv2ControlUri(), bed.guest1())).isFalse();
      assertThat(metric(scrapeUntil(body -> on(body, home()), SEEN), "libvirt_domain_state_code"))
          .isEqualTo(1.0);
    }
  }

  @Test
  @Order(3)
  void abortJobStopsARunningMigrationAndTheDomainKeepsRunningHome() throws Exception {
    try (ShellProcess watcher = shell();
        ShellProcess operator = shell()) {
      watcher.ok("listen", domainMBean(home()));
      // 2 MiB/s: the disk copy alone would take half a minute
      CompletableFuture<String> migrated =
          invokeAsync(operator, domainMBean(home()), "migrate", bed.hv2TlsUri(), "", "true", "all", "2");
      Await.until(
          "the migration job running on the Domain MBean",
          () -> watcher.ok("get", domainMBean(home()), "JobType"),
          v -> migrated.isDone() || v.equals("unbounded"),
          SEEN);
      assertThat(migrated).as("still migrating before the abort").isNotDone();

      assertThat(watcher.ok("invoke", domainMBean(home()), "abortJob")).isEqualTo("null");

      String answer = migrated.get(60, TimeUnit.SECONDS);
      System.out.println("aborted migration answered: " + answer);
      assertThat(answer).startsWith("ERR").containsIgnoringCase("cancel");
      assertThat(watcher.ok("await", "libvirt.domain.migration.failed", "5000"))
          .containsIgnoringCase("cancel");
      assertThat(TestBedEnv.domstate(bed.hostUri(), bed.guest1())).startsWith("running");
      assertThat(TestBedEnv.defined(bed.hv2ControlUri(), bed.guest1())).isFalse();
      Await.until(
          "no job on the Domain MBean",
          () -> watcher.ok("get", domainMBean(home()), "JobType"),
          "none"::equals,
          SEEN);
      assertThat(watcher.send("invoke", domainMBean(home()), "abortJob"))
          .startsWith("ERR")
          .contains("no job is active on the domain");
      guestAnswers(bed.hostUri());
    }
  }

  @Test
  @Order(4)
  void overSshTheSourceLibvirtdReachesHv2WithTheBedsKeyAndBack() throws Exception {
    thereAndBack(bed.hv2SshUri(), "SSH");
  }

  /**
   * Over TCP hv2 asks for a SASL login; the source libvirtd, which opens the peer-to-peer
   * connection itself, answers it from its {@code /etc/libvirt/auth.conf} (written by the bed, as an
   * operator would for such a host).
   */
  @Test
  @Order(5)
  void overTcpWithSaslTheSourceLibvirtdLogsInFromItsAuthConfAndBack() throws Exception {
    thereAndBack(bed.hv2TcpUri(), "TCP with SASL");
  }

  /** Live migration to hv2 over {@code uri} and back home over the unix socket. */
  private void thereAndBack(String uri, String transport) throws Exception {
    try (ShellProcess operator = shell()) {
      long t0 = System.nanoTime();
      assertThat(
              invokeAsync(operator, domainMBean(home()), "migrate", uri, "", "true", "all", "0")
                  .get(5, TimeUnit.MINUTES))
          .isEqualTo("OK null");
      System.out.printf(
          "migration to hv2 over %s: %.1f s%n", transport, (System.nanoTime() - t0) / 1e9);
      assertThat(TestBedEnv.domstate(bed.hv2ControlUri(), bed.guest1())).startsWith("running");
      onlyOn(hv2(), home(), operator);
      guestAnswers(bed.hv2ControlUri());
      assertThat(
              invokeAsync(
                      operator,
                      domainMBean(hv2()),
                      "migrate",
                      bed.value("HOST_FROM_HV2_URI"),
                      bed.value("HOST_IP"),
                      "true",
                      "all",
                      "0")
                  .get(5, TimeUnit.MINUTES))
          .isEqualTo("OK null");
      onlyOn(home(), hv2(), operator);
    }
  }

  /**
   * The guest's agent answers on {@code uri} after a migration. Under TCG a migrated guest now and
   * then spins at 100 % CPU and never answers again (seen in one CI run of four, after a migration
   * over SSH that libvirt reported done): QEMU's trouble, not the agent's. It is reset and said on
   * the output, so the facts the test asserts of virtmx decide it, and the next migration starts
   * from a live guest.
   */
  private static void guestAnswers(String uri) {
    try {
      TestBedEnv.awaitAgent(uri, bed.guest1(), Duration.ofSeconds(60));
    } catch (AssertionError hung) {
      System.out.println("MigrationIT: " + bed.guest1() + " hung after migration on " + uri + ": reset");
      TestBedEnv.virsh(uri, "reset", bed.guest1());
      TestBedEnv.awaitAgent(uri, bed.guest1(), TestBedEnv.BOOT);
    }
  }

  /** In /metrics, JMX and Jolokia the guest is on {@code there} and not on {@code notThere}. */
  private static void onlyOn(String there, String notThere, ShellProcess jmx) throws Exception {
    long t0 = System.nanoTime();
    scrapeUntil(body -> on(body, there) && !on(body, notThere), SEEN);
    System.out.printf(
        "/metrics shows the guest on %s only %.2f s after migrate returned (interval 30 s)%n",
        there, (System.nanoTime() - t0) / 1e9);
    Await.until(
        "the Domain MBean under " + there + " only",
        () -> jmx.ok("query", "libvirt:type=Domain,name=" + bed.guest1() + ",*"),
        v -> v.contains("host=" + there) && !v.contains("host=" + notThere),
        SEEN);
    assertThat(jmx.ok("get", domainMBean(there), "State")).isEqualTo("running");
    String read =
        "{\"type\":\"read\",\"mbean\":\"" + domainMBean(there) + "\",\"attribute\":\"State\"}";
    assertThat(ViewRequests.postAs(jolokiaUrl, OPERATOR, PASSWORD, read))
        .contains("\"value\":\"running\"")
        .contains("\"status\":200");
  }

  private static ShellProcess shell() throws IOException {
    ShellProcess s = new ShellProcess(dir);
    s.ok("connect", jmxUrl, OPERATOR, PASSWORD);
    return s;
  }

  private static CompletableFuture<String> invokeAsync(
      ShellProcess shell, String mbean, String operation, String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "invoke";
    command[1] = mbean;
    command[2] = operation;
    System.arraycopy(args, 0, command, 3, args.length);
    return CompletableFuture.supplyAsync(() -> shell.send(command));
  }

  private static String scrapeUntil(java.util.function.Predicate<String> ready, Duration timeout) {
    return Await.untilAnswers("a /metrics page as awaited", MigrationIT::scrape, ready, timeout);
  }

  /** One scrape as the operator (with a users file, scrapes authenticate). */
  private static String scrape() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(metricsUrl))
            .header("Authorization", ViewRequests.basic(OPERATOR, PASSWORD))
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("/metrics answered " + answer.statusCode());
    }
    return answer.body();
  }

  private static boolean inProgress(String body) {
    OptionalDouble r = progress(body);
    return r.isPresent() && r.getAsDouble() > 0 && r.getAsDouble() < 1;
  }

  private static OptionalDouble progress(String body) {
    return TestBedEnv.metric(
        body, "libvirt_domain_job_progress_ratio", "host", home(), "domain", bed.guest1());
  }

  private static double metric(String body, String name) {
    return TestBedEnv.metric(body, name, "host", home(), "domain", bed.guest1()).orElse(-1);
  }

  private static boolean between0And100(String value) {
    try {
      double v = Double.parseDouble(value);
      return v > 0 && v < 100;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean on(String body, String host) {
    return TestBedEnv.metric(
            body, "libvirt_domain_state_code", "host", host, "domain", bed.guest1())
        .isPresent();
  }

  private static String home() {
    return bed.hostName();
  }

  private static String hv2() {
    return bed.hv2Name();
  }

  private static String hostMBean(String host) {
    return "libvirt:type=Host,host=" + host;
  }

  private static String domainMBean(String host) {
    return "libvirt:type=Domain,host=" + host + ",name=" + bed.guest1();
  }
}
