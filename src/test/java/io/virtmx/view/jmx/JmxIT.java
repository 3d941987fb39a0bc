/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.itsupport.WatchedDomain;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agent jar in its own process with {@code --jmx-port} and a users file, watching a real QEMU
 * domain on qemu:///system; a plain JMX client in a third JVM (no virtmx class) reads, operates and
 * listens over RMI, and every result is checked against virsh. The poll interval is 60 s, so every
 * change seen comes from events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JmxIT {
  private static final String URI = TestBed.QEMU_URI;
  private static WatchedDomain bed;
  private static String url;
  private static String host;
  private static String vm;

  @BeforeAll
  static void start() throws Exception {
    bed = WatchedDomain.start("virtmx-jmx-it", AgentArgs::jmx);
    vm = bed.vm();
    url = ViewRequests.jmxUrl(bed.port());
    try (ShellProcess shell = new ShellProcess(bed.dir())) {
      shell.ok("connect", url, "alice", "alice-secret");
      String hostName =
          awaitValue(() -> shell.ok("query", "libvirt:type=Host,*"), v -> !v.isEmpty());
      host = hostName.substring(hostName.indexOf("host=") + 5);
      awaitValue(() -> shell.ok("query", domain()), v -> !v.isEmpty());
    }
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static String domain() {
    return ObjectNames.domain(host, vm).toString();
  }

  private static String virshState() {
    return TestBed.virsh("-c", URI, "domstate", vm).strip();
  }

  /**
   * Polls until the value satisfies the condition (events arrive asynchronously) and returns it.
   */
  private static String awaitValue(
      Supplier<String> value, java.util.function.Predicate<String> condition)
      throws InterruptedException {
    return Await.until("JMX value as awaited", value::get, condition, Duration.ofSeconds(10));
  }

  @Test
  @Order(1)
  void operatorReadsAttributesEqualToVirsh() throws Exception {
    try (ShellProcess shell = new ShellProcess(bed.dir())) {
      shell.ok("connect", url, "alice", "alice-secret");
      assertThat(shell.ok("query", "libvirt:type=Domain,host=" + ObjectNames.value(host) + ",*"))
          .contains(domain());
      assertThat(shell.ok("get", domain(), "Uuid"))
          .isEqualTo(TestBed.virsh("-c", URI, "domuuid", vm).strip());
      assertThat(shell.ok("get", domain(), "State")).isEqualTo(virshState()).isEqualTo("running");
      assertThat(shell.ok("get", domain(), "Id"))
          .isEqualTo(TestBed.virsh("-c", URI, "domid", vm).strip());
      var stats = TestBed.domstats(URI, vm);
      assertThat(shell.ok("get", domain(), "Vcpus")).isEqualTo(stats.get("vcpu.current"));
      assertThat(shell.ok("get", domain(), "MaxMemoryKib")).isEqualTo(stats.get("balloon.maximum"));
      assertThat(shell.ok("get", domain(), "Disks")).isEqualTo("vda,vdb");
      String disk = ObjectNames.disk(host, vm, "vda").toString();
      assertThat(Long.parseLong(shell.ok("get", disk, "ReadBytes"))).isPositive();
      assertThat(shell.ok("query", "java.lang:type=Runtime")).isEqualTo("java.lang:type=Runtime");
    }
  }

  @Test
  @Order(2)
  void operatorRunsLifecycleOperationsAndReceivesNotifications() throws Exception {
    try (ShellProcess shell = new ShellProcess(bed.dir())) {
      shell.ok("connect", url, "alice", "alice-secret");
      shell.ok("listen", domain());
      step(shell, "suspend", "paused", "libvirt.domain.lifecycle.suspended", "running|paused");
      step(shell, "resume", "running", "libvirt.domain.lifecycle.resumed", "paused|running");
      assertThat(shell.send("invoke", domain(), "resume"))
          .isEqualTo(
              "ERR javax.management.MBeanException: domain '"
                  + vm
                  + "' is running: cannot resume it | cause java.lang.IllegalStateException: domain '"
                  + vm
                  + "' is running: cannot resume it");
      assertThat(shell.ok("invoke", domain(), "shutdown"))
          .isEqualTo("null"); // no guest OS: accepted, no effect
      step(shell, "destroy", "shut off", "libvirt.domain.lifecycle.stopped", "running|shut off");
      assertThat(shell.ok("get", domain(), "Id")).isEqualTo("-1");
      assertThat(shell.send("invoke", domain(), "setMemory", "200000"))
          .isEqualTo(
              "ERR javax.management.MBeanException:"
                  + " Requested operation is not valid: domain is not running | cause java.lang.IllegalStateException: "
                  + "Requested operation is not valid: domain is not running");
      shell.ok("invoke", domain(), "setMaxMemory", "294912");
      assertThat(dominfo("Max memory")).isEqualTo("294912 KiB");
      assertThat(awaitValue(() -> shell.ok("get", domain(), "MaxMemoryKib"), "294912"::equals))
          .isEqualTo("294912");
      step(shell, "start", "running", "libvirt.domain.lifecycle.started", "shut off|running");
      shell.ok(
          "invoke",
          domain(),
          "setMemory",
          "200000"); // the balloon target: no guest driver follows it
      String used = dominfo("Used memory").replace(" KiB", "");
      assertThat(awaitValue(() -> shell.ok("get", domain(), "MemoryKib"), used::equals))
          .isEqualTo(used);
    }
  }

  private static String dominfo(String field) {
    for (String line : TestBed.virsh("-c", URI, "dominfo", vm).split("\n")) {
      if (line.startsWith(field + ":")) {
        return line.substring(field.length() + 1).strip();
      }
    }
    throw new AssertionError("virsh dominfo has no " + field);
  }

  /**
   * Invokes the operation, then checks virsh, the MBean, the lifecycle and the State change
   * notifications.
   */
  private static void step(
      ShellProcess shell, String operation, String state, String lifecycle, String change)
      throws InterruptedException {
    assertThat(shell.ok("invoke", domain(), operation)).isEqualTo("null");
    assertThat(virshState()).isEqualTo(state);
    assertThat(awaitValue(() -> shell.ok("get", domain(), "State"), state::equals))
        .isEqualTo(state);
    assertThat(shell.ok("await", lifecycle, "5000"))
        .startsWith(lifecycle + "|domain " + vm + " on " + host + ": ");
    assertThat(shell.ok("await", "jmx.attribute.change", "5000")).endsWith("|State|" + change);
  }

  @Test
  @Order(3)
  void viewerReadsButEveryOperationIsRefused() throws Exception {
    try (ShellProcess shell = new ShellProcess(bed.dir())) {
      shell.ok("connect", url, "bob", "bob-secret");
      assertThat(shell.ok("get", domain(), "State")).isEqualTo(virshState()).isEqualTo("running");
      for (String[] op :
          new String[][] {
            {"suspend"},
            {"destroy"},
            {"shutdown"},
            {"setMemory", "100000"},
            {"setAutostart", "true"},
            {"getXmlDescription"},
            {"undefine"}
          }) {
        String[] cmd = new String[op.length + 2];
        cmd[0] = "invoke";
        cmd[1] = domain();
        System.arraycopy(op, 0, cmd, 2, op.length);
        assertThat(shell.send(cmd))
            .startsWith(
                "ERR javax.management.MBeanException: user 'bob' (viewer) may not run "
                    + "operation '"
                    + op[0]
                    + "'")
            .contains("cause java.lang.SecurityException");
      }
      assertThat(shell.send("invoke", ObjectNames.host(host).toString(), "refresh"))
          .startsWith("ERR");
      assertThat(shell.send("invoke", "java.lang:type=Memory", "gc"))
          .startsWith("ERR java.lang.SecurityException");
      assertThat(virshState()).isEqualTo("running");
      assertThat(TestBed.virsh("-c", URI, "dominfo", vm)).contains("Autostart:      disable");
    }
  }

  @Test
  @Order(4)
  void clientsWithoutValidCredentialsAreRejected() throws Exception {
    try (ShellProcess shell = new ShellProcess(bed.dir())) {
      assertThat(shell.send("connect", url))
          .startsWith("ERR java.lang.SecurityException: authentication required");
      assertThat(shell.send("connect", url, "alice", "wrong"))
          .startsWith("ERR java.lang.SecurityException: authentication failed");
    }
  }

  @Test
  @Order(5)
  void definedAndUndefinedDomainsAppearAndDisappearWithinOneSecond() throws Exception {
    String name = "virtmx-jmx-it-" + ProcessHandle.current().pid();
    Path xml = bed.dir().resolve("define.xml");
    Files.writeString(
        xml,
        "<domain type='qemu'><name>"
            + name
            + "</name><memory unit='MiB'>64</memory>"
            + "<os><type arch='x86_64'>hvm</type></os></domain>");
    String mbean = ObjectNames.domain(host, name).toString();
    try (ShellProcess shell = new ShellProcess(bed.dir())) {
      shell.ok("connect", url, "alice", "alice-secret");
      TestBed.virsh("-c", URI, "define", xml.toString());
      long defined = System.nanoTime();
      assertThat(awaitValue(() -> shell.ok("query", mbean), mbean::equals)).isEqualTo(mbean);
      long appearedMs = (System.nanoTime() - defined) / 1_000_000;
      assertThat(shell.ok("get", mbean, "State")).isEqualTo("shut off");
      TestBed.virsh("-c", URI, "undefine", name);
      long undefined = System.nanoTime();
      assertThat(awaitValue(() -> shell.ok("query", mbean), String::isEmpty)).isEmpty();
      long goneMs = (System.nanoTime() - undefined) / 1_000_000;
      System.out.printf(
          "[jmx-it] MBean appeared %d ms after virsh define, gone %d ms after undefine%n",
          appearedMs, goneMs);
      assertThat(appearedMs).isLessThan(1000);
      assertThat(goneMs).isLessThan(1000);
    } finally {
      TestBed.tryVirsh("-c", URI, "undefine", name);
    }
  }
}
