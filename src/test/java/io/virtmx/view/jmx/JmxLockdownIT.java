/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote JMX locked down: the agent jar on libvirt's test driver with {@code --jmx-port}, a plain
 * JDK client in a third JVM. An operator can load no code (MLet, DiagnosticCommand), dump no heap,
 * set no JVM attribute, but still suspends and resumes the domain; a viewer sees only {@code
 * libvirt:*}, {@code java.lang:*} and the MBean server delegate, reads no command line or system
 * properties, but reads domains. The connector deserializes nothing a JMX client does not need and
 * drops a connection that stalls longer than {@code --jmx-read-timeout}.
 */
class JmxLockdownIT {
  private static final String HOST = "lockdown";
  private static final String DOMAIN = ObjectNames.domain(HOST, "test").toString();
  private static final String RUNTIME = "java.lang:type=Runtime";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
  private static Path dir;
  private static AgentProcess agent;
  private static int port;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("virtmx-jmx-lockdown-it");
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").andViewer("bob", "bob-secret").save(users);
    port = AgentProcess.freePort();
    agent =
        AgentArgs.watching(HOST + "=test:///default", "1s")
            .jmx(port)
            .add("--jmx-read-timeout", READ_TIMEOUT.toSeconds() + "s")
            .users(users)
            .started();
    url = ViewRequests.jmxUrl(port);
    try (ShellProcess shell = operator()) {
      awaitValue(() -> shell.ok("query", DOMAIN), DOMAIN::equals);
    }
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      agent.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  private static ShellProcess operator() throws IOException {
    ShellProcess shell = new ShellProcess(dir);
    shell.ok("connect", url, "alice", "alice-secret");
    return shell;
  }

  private static ShellProcess viewer() throws IOException {
    ShellProcess shell = new ShellProcess(dir);
    shell.ok("connect", url, "bob", "bob-secret");
    return shell;
  }

  private static String awaitValue(Supplier<String> value, Predicate<String> condition)
      throws InterruptedException {
    return Await.until("JMX value as awaited", value::get, condition, Duration.ofSeconds(10));
  }

  private static String refusal(String who, String what) {
    return "ERR java.lang.SecurityException: user '" + who + "' " + what + " over remote JMX";
  }

  @Test
  void operatorsLoadNoCodeDumpNoHeapAndWriteNothing() throws Exception {
    Path heap = dir.resolve("heap.hprof");
    try (ShellProcess shell = operator()) {
      assertThat(shell.send("create", "javax.management.loading.MLet", "DefaultDomain:type=MLet"))
          .isEqualTo(
              refusal("alice", "(operator) may not create MBean javax.management.loading.MLet"));
      assertThat(shell.ok("query", "*:type=MLet,*")).isEmpty();
      String dcmd = "com.sun.management:type=DiagnosticCommand";
      assertThat(shell.send("invoke", dcmd, "vmSystemProperties"))
          .isEqualTo(
              refusal(
                  "alice",
                  "(operator) may not invoke vmSystemProperties on "
                      + dcmd
                      + " (only libvirt:* operations)"));
      assertThat(shell.send("invoke", dcmd, "jvmtiAgentLoad", dir.resolve("agent.so").toString()))
          .isEqualTo(
              refusal(
                  "alice",
                  "(operator) may not invoke jvmtiAgentLoad on "
                      + dcmd
                      + " (only libvirt:* operations)"));
      assertThat(
              shell.send(
                  "invoke",
                  "com.sun.management:type=HotSpotDiagnostic",
                  "dumpHeap",
                  heap.toString(),
                  "true"))
          .startsWith("ERR java.lang.SecurityException: user 'alice' (operator) may not invoke");
      assertThat(shell.send("invoke", "jdk.management.jfr:type=FlightRecorder", "newRecording"))
          .startsWith("ERR java.lang.SecurityException");
      assertThat(shell.send("invoke", "java.lang:type=Memory", "gc"))
          .startsWith("ERR java.lang.SecurityException");
      assertThat(shell.send("set", "java.lang:type=Memory", "Verbose", "true"))
          .isEqualTo(
              refusal(
                  "alice",
                  "(operator) may not set attributes of java.lang:type=Memory"
                      + " (no attribute is writable)"));
      assertThat(shell.ok("get", "java.lang:type=Memory", "Verbose")).isEqualTo("false");
      assertThat(shell.send("unregister", "java.lang:type=Memory"))
          .isEqualTo(refusal("alice", "(operator) may not unregister java.lang:type=Memory"));
      assertThat(shell.ok("registered", "java.lang:type=Memory")).isEqualTo("true");
      // what JConsole's VM summary shows an operator
      assertThat(shell.ok("get", RUNTIME, "InputArguments")).contains("-Xmx256m");
    }
    assertThat(Files.exists(heap)).isFalse();
    assertThat(agent.log())
        .contains(
            "refused: user 'alice' (operator) may not create MBean javax.management.loading.MLet");
  }

  @Test
  void theConnectorDeserializesOnlyWhatJmxClientsSend() throws Exception {
    try (ShellProcess shell = operator()) {
      String reply = shell.send("send-file", DOMAIN, "suspend", "/etc/passwd");
      assertThat(reply).startsWith("ERR").contains("REJECTED");
      assertThat(shell.ok("get", DOMAIN, "State")).isEqualTo("running");
      // parameters, listeners (with the Subject[] the client sends) and results still pass
      shell.ok("listen", DOMAIN);
      assertThat(shell.ok("invoke", DOMAIN, "setMemory", "1048576")).isEqualTo("null");
    }
  }

  @Test
  void operatorsStillSuspendAndResumeTheDomain() throws Exception {
    try (ShellProcess shell = operator()) {
      shell.ok("listen", DOMAIN);
      assertThat(shell.ok("invoke", DOMAIN, "suspend")).isEqualTo("null");
      assertThat(awaitValue(() -> shell.ok("get", DOMAIN, "State"), "paused"::equals))
          .isEqualTo("paused");
      assertThat(shell.ok("await", "jmx.attribute.change", "10000"))
          .endsWith("|State|running|paused");
      assertThat(shell.ok("invoke", DOMAIN, "resume")).isEqualTo("null");
      assertThat(awaitValue(() -> shell.ok("get", DOMAIN, "State"), "running"::equals))
          .isEqualTo("running");
    }
  }

  @Test
  void viewersSeeLibvirtAndJavaLangButNoCommandLine() throws Exception {
    try (ShellProcess shell = viewer()) {
      for (String attribute : new String[] {"SystemProperties", "InputArguments", "ClassPath"}) {
        assertThat(shell.send("get", RUNTIME, attribute))
            .isEqualTo(
                refusal("bob", "(viewer) may not read attribute " + attribute + " of " + RUNTIME));
      }
      assertThat(shell.ok("get", RUNTIME, "VmName")).isNotEmpty();
      String[] names = shell.ok("query", "*:*").split("\\|");
      Set<String> domains = new TreeSet<>();
      Arrays.stream(names).forEach(n -> domains.add(n.substring(0, n.indexOf(':'))));
      assertThat(domains).containsExactly("JMImplementation", "java.lang", "libvirt");
      assertThat(shell.ok("domains")).isEqualTo("JMImplementation|java.lang|libvirt");
      assertThat(Integer.parseInt(shell.ok("count"))).isEqualTo(names.length);
      // JConsole connects with these: hidden MBeans are absent, the delegate is there
      assertThat(shell.ok("registered", "com.sun.management:type=HotSpotDiagnostic"))
          .isEqualTo("false");
      assertThat(shell.ok("registered", "java.lang:type=Threading")).isEqualTo("true");
      shell.ok("listen", "JMImplementation:type=MBeanServerDelegate");
      assertThat(shell.send("describe", "com.sun.management:type=DiagnosticCommand"))
          .startsWith("ERR java.lang.SecurityException: user 'bob' (viewer) may not call");
      assertThat(shell.ok("get", DOMAIN, "State")).isEqualTo("running");
      assertThat(shell.ok("get", DOMAIN, "Name")).isEqualTo("test");
      assertThat(shell.send("invoke", DOMAIN, "suspend"))
          .startsWith(
              "ERR javax.management.MBeanException: user 'bob' (viewer) may not run operation"
                  + " 'suspend'");
      assertThat(shell.ok("get", DOMAIN, "State")).isEqualTo("running");
    }
  }

  @Test
  void aStalledConnectionIsClosedAfterTheReadTimeout() throws Exception {
    try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), port)) {
      stalled.setSoTimeout(30_000);
      long start = System.nanoTime();
      InputStream in = stalled.getInputStream();
      int read;
      try {
        read = in.read(); // we never send RMI's handshake: the agent must give up
      } catch (java.net.SocketException e) {
        read = -1; // reset by the agent: closed too
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(read).isEqualTo(-1);
      assertThat(waited)
          .isGreaterThan(READ_TIMEOUT.minusMillis(500))
          .isLessThan(READ_TIMEOUT.multipliedBy(4));
    }
    try (ShellProcess shell = viewer()) {
      assertThat(shell.ok("get", DOMAIN, "State")).isEqualTo("running");
    }
  }
}
