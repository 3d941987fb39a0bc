/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.Background;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SNMP view on a real QEMU domain of qemu:///system ({@value #VM}): its rows equal virsh,
 * writes by an operator pause, resume, stop and start it, a viewer's are refused and audited, and
 * snmptrapd receives the LIBVIRT-MIB and VM-MIB notifications of its lifecycle events.
 */
class SnmpQemuIT {
  static final String VM = "vmx-snmp-1";
  private static final String URI = TestBed.QEMU_URI;
  private static final Duration NOTIFIED = Duration.ofSeconds(1);
  private static Path dir;
  private static AgentProcess agent;
  private static Background trapd;
  private static Path traps;
  private static int port;
  private static String uuidSuffix;

  @BeforeAll
  static void start() throws IOException {
    TestBed.ensureLibvirtd();
    QemuDomains.ensureBridge();
    dir = Files.createTempDirectory("vmx-snmp-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    removeDomain();
    Path disk = dir.resolve("disk.raw");
    try (var f = new java.io.RandomAccessFile(disk.toFile(), "rw")) {
      f.setLength(8L << 20);
    }
    Path xml = dir.resolve("domain.xml");
    Files.writeString(xml, domainXml(disk), StandardCharsets.UTF_8);
    TestBed.virsh("-c", URI, "define", xml.toString());
    TestBed.virsh("-c", URI, "start", VM);
    uuidSuffix = oidOf(TestBed.virsh("-c", URI, "domuuid", VM).strip());
    int trapPort = AgentProcess.freePort();
    traps = dir.resolve("traps.log");
    Path conf = dir.resolve("snmptrapd.conf");
    Files.writeString(conf, "disableAuthorization yes\ndoNotRetainNotificationLogs yes\n");
    trapd =
        Background.start(
            dir.resolve("snmptrapd.out"),
            "snmptrapd", "-f", "-C", "-c", conf.toString(), "-Lf", traps.toString(),
            "-M", "+" + NetSnmp.MIBS, "-m", "LIBVIRT-MIB:VM-MIB", "-p", dir.resolve("trapd.pid").toString(),
            "udp:127.0.0.1:" + trapPort);
    port = AgentProcess.freePort();
    agent =
        AgentArgs.watching(URI, "60s")
            .add("--snmp", "--snmp-port", String.valueOf(port))
            .add("--snmp-users", NetSnmp.usersFile(dir).toString())
            .add("--snmp-notify", "udp:127.0.0.1:" + trapPort)
            .started();
    Await.until(
        "snmptrapd listening",
        () -> TestBed.run(List.of("ss", "-lun")).stdout().contains(":" + trapPort),
        Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws IOException {
    if (agent != null) {
      agent.close();
    }
    if (trapd != null) {
      trapd.close();
    }
    removeDomain();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    }
  }

  @Test
  void rowsEqualVirsh() {
    Map<String, String> virsh = dominfo();
    NetSnmp snmp = NetSnmp.viewer(port);
    Map<String, String> guest =
        Await.until(
            "the domain in libvirtGuestTable",
            () -> snmp.table("LIBVIRT-MIB::libvirtGuestTable", "Name").get(VM),
            row -> row != null && "running".equals(row.get("State")),
            Duration.ofSeconds(20));
    assertThat(guest.get("CpuCount")).isEqualTo(virsh.get("CPU(s)"));
    assertThat(Long.parseLong(guest.get("MemoryLimit")) * 1024).isEqualTo(kib(virsh.get("Max memory")));
    Map<String, String> vm = snmp.table("VM-MIB::vmTable", "Name").get(VM);
    assertThat(vm.get("OperState")).isEqualTo("running");
    assertThat(vm.get("OSType")).isEqualTo(virsh.get("OS Type"));
    assertThat(vm.get("CurCpuNumber")).isEqualTo(virsh.get("CPU(s)"));
    assertThat(vm.get("MaxMem") + " KiB").isEqualTo(virsh.get("Max memory"));
    long before = cpuTimeNs();
    long snmpCpuNs = Long.parseLong(snmp.get(".1.3.6.1.4.1.36957.1.1.1.7." + uuidSuffix));
    assertThat(snmpCpuNs).as("CPU time no later than virsh's after it").isLessThanOrEqualTo(cpuTimeNs());
    assertThat(snmpCpuNs).as("CPU time of a recent snapshot").isPositive().isLessThanOrEqualTo(before + 1);
    String blk = TestBed.virsh("-c", URI, "domblklist", VM);
    Map<String, Map<String, String>> storage = snmp.table("VM-MIB::vmStorageTable", "ResourceID");
    assertThat(storage).containsKey(dir.resolve("disk.raw").toString());
    assertThat(blk).contains(dir.resolve("disk.raw").toString());
    assertThat(storage.get(dir.resolve("disk.raw").toString()).get("SourceType")).isEqualTo("raw");
    // Only this domain's rows: other domains of the host (the test-bed guest) have virtio NICs too.
    String index = vmIndex(snmp);
    String nics = snmp.run("snmpwalk", "VM-MIB::vmNetworkModel." + index).orThrow().stdout();
    String macs = snmp.run("snmpwalk", "VM-MIB::vmNetworkPhysAddress." + index).orThrow().stdout();
    assertThat(nics).as("vmNetworkModel of %s", VM).contains("virtio");
    assertThat(macs.toLowerCase(java.util.Locale.ROOT)).as("vmNetworkPhysAddress of %s", VM).contains("52:54:0:18:0:9a");
    assertThat(TestBed.virsh("-c", URI, "domiflist", VM)).contains("52:54:00:18:00:9a").contains("virtio");
  }

  @Test
  void writesActThroughOperationsAndNotify() {
    String state = ".1.3.6.1.4.1.36957.1.1.1.3." + uuidSuffix;
    String rowStatus = ".1.3.6.1.4.1.36957.1.1.1.9." + uuidSuffix;
    awaitState("running");
    TestBed.Result refused = NetSnmp.viewer(port).run("snmpset", state, "i", "3");
    assertThat(refused.stdout() + refused.stderr()).contains("authorizationError");
    assertThat(domstate()).isEqualTo("running");
    assertThat(agent.log()).containsPattern("op=suspend result=refused .*user=bob role=viewer view=snmp");

    int from = trapLog().length();
    NetSnmp operator = NetSnmp.operator(port);
    assertThat(operator.run("snmpset", state, "i", "3").ok()).isTrue();
    assertThat(domstate()).isEqualTo("paused");
    awaitTraps(from, "libvirtGuestNotif", "VM-MIB::vmPaused", "libvirtGuestState.0 = INTEGER: paused(3)");

    assertThat(operator.run("snmpset", "VM-MIB::vmAdminState." + vmIndex(operator), "i", "1").ok()).isTrue();
    awaitState("running");

    from = trapLog().length();
    long sent = System.nanoTime();
    TestBed.virsh("-c", URI, "suspend", VM);
    awaitTraps(from, "libvirtGuestNotif", "VM-MIB::vmPaused");
    Duration took = Duration.ofNanos(System.nanoTime() - sent);
    System.out.println("SnmpQemuIT: traps " + took.toMillis() + " ms after virsh suspend started");
    assertThat(took).as("traps after virsh suspend").isLessThanOrEqualTo(NOTIFIED);
    TestBed.virsh("-c", URI, "resume", VM);

    awaitState("running");
    TestBed.Result destroy = operator.slow("snmpset", rowStatus, "i", "6");
    assertThat(destroy.ok()).as(destroy.stdout() + destroy.stderr()).isTrue();
    awaitState("shut off");
    from = trapLog().length();
    sent = System.nanoTime();
    TestBed.Result create = operator.slow("snmpset", rowStatus, "i", "4");
    assertThat(create.ok()).as(create.stdout() + create.stderr()).isTrue();
    awaitState("running");
    awaitTraps(from, "libvirtGuestNotif", "VM-MIB::vmRunning", "libvirtGuestName.0 = STRING: \"" + VM + "\"");
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));
  }

  private static String vmIndex(NetSnmp snmp) {
    String walk = snmp.run("snmpwalk", "-On", "VM-MIB::vmName").orThrow().stdout();
    for (String line : walk.lines().toList()) {
      if (line.contains("\"" + VM + "\"")) {
        String oid = line.substring(0, line.indexOf(' '));
        return oid.substring(oid.lastIndexOf('.') + 1);
      }
    }
    throw new AssertionError("no vmName row for " + VM + " in:\n" + walk);
  }

  private static void awaitTraps(int from, String... texts) {
    Await.until(
        "snmptrapd logged " + String.join(", ", texts),
        () -> {
          String log = trapLog();
          String recent = from <= log.length() ? log.substring(from) : log;
          return Stream.of(texts).allMatch(recent::contains);
        },
        Duration.ofSeconds(10));
  }

  private static String trapLog() {
    try {
      return Files.exists(traps) ? Files.readString(traps, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitState(String state) {
    Await.until("virsh domstate " + state, () -> domstate().equals(state), Duration.ofSeconds(30));
  }

  private static String domstate() {
    return TestBed.virsh("-c", URI, "domstate", VM).strip();
  }

  private static long cpuTimeNs() {
    return TestBed.statLong(TestBed.domstats(URI, VM), "cpu.time");
  }

  private static Map<String, String> dominfo() {
    Map<String, String> info = new HashMap<>();
    for (String line : TestBed.virsh("-c", URI, "dominfo", VM).lines().toList()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        info.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return info;
  }

  private static long kib(String virshMemory) {
    return Long.parseLong(virshMemory.replace(" KiB", "").strip());
  }

  private static String oidOf(String uuid) {
    StringBuilder oid = new StringBuilder();
    for (byte b : java.util.HexFormat.of().parseHex(uuid.replace("-", ""))) {
      oid.append(oid.length() == 0 ? "" : ".").append(b & 0xff);
    }
    return oid.toString();
  }

  private static void removeDomain() {
    TestBed.tryVirsh("-c", URI, "destroy", VM);
    TestBed.tryVirsh("-c", URI, "managedsave-remove", VM);
    TestBed.tryVirsh("-c", URI, "undefine", VM);
  }

  private static String domainXml(Path disk) {
    return """
        <domain type='qemu'>
          <name>%s</name>
          <memory unit='MiB'>96</memory>
          <currentMemory unit='MiB'>96</currentMemory>
          <vcpu placement='static'>1</vcpu>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <on_poweroff>destroy</on_poweroff>
          <devices>
            <disk type='file' device='disk'>
              <driver name='qemu' type='raw'/>
              <source file='%s'/>
              <target dev='vda' bus='virtio'/>
            </disk>
            <interface type='bridge'>
              <source bridge='%s'/>
              <mac address='52:54:00:18:00:9a'/>
              <model type='virtio'/>
              <rom enabled='no'/>
            </interface>
          </devices>
        </domain>
        """
        .formatted(VM, disk, QemuDomains.BRIDGE);
  }
}
