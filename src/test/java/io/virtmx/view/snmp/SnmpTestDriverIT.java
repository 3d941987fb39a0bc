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
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SNMP view on test:///default read with net-snmp's tools: both tables equal virsh, refusals
 * are counted, --read-only refuses writes, hostile datagrams and huge GETBULKs leave it answering,
 * and our MIB files pass smilint.
 */
class SnmpTestDriverIT {
  private static final String UUID_OID_OF_TEST = "102.149.235.1.246.164.131.4.121.170.151.242.80.46.25.63";
  private static Path dir;
  private static int port;
  private static AgentProcess agent;

  @BeforeAll
  static void startAgent() throws IOException {
    dir = Files.createTempDirectory("vmx-snmp-");
    port = AgentProcess.freePort();
    agent =
        AgentArgs.watching("test:///default", "60s")
            .add("--snmp", "--snmp-port", String.valueOf(port))
            .add("--snmp-users", NetSnmp.usersFile(dir).toString())
            .add("--snmp-community", "vmx-snmp-public:viewer")
            .started();
  }

  @AfterAll
  static void stopAgent() throws IOException {
    if (agent != null) {
      agent.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    }
  }

  @Test
  void libvirtGuestTableEqualsVirsh() {
    Map<String, String> virsh = dominfo("test");
    Map<String, String> row = NetSnmp.viewer(port).table("LIBVIRT-MIB::libvirtGuestTable", "Name").get("test");
    assertThat(row).as("libvirtGuestTable row of 'test'").isNotNull();
    assertThat(row.get("State")).isEqualTo(virsh.get("State"));
    assertThat(row.get("CpuCount")).isEqualTo(virsh.get("CPU(s)"));
    assertThat(Long.parseLong(row.get("MemoryCurrent")) * 1024).isEqualTo(kib(virsh.get("Used memory")));
    assertThat(Long.parseLong(row.get("MemoryLimit")) * 1024).isEqualTo(kib(virsh.get("Max memory")));
    assertThat(row.get("RowStatus")).isEqualTo("active");
    assertThat(NetSnmp.viewer(port).get(".1.3.6.1.4.1.36957.1.1.1.2." + UUID_OID_OF_TEST))
        .as("a row is found by the 16 octets of the UUID, without a length")
        .isEqualTo("test");
  }

  @Test
  void vmTableEqualsVirsh() {
    Map<String, String> virsh = dominfo("test");
    NetSnmp snmp = NetSnmp.operator(port);
    Map<String, String> row = snmp.table("VM-MIB::vmTable", "Name").get("test");
    assertThat(row).as("vmTable row of 'test'").isNotNull();
    assertThat(row.get("OperState")).isEqualTo("running");
    assertThat(row.get("CurCpuNumber")).isEqualTo(virsh.get("CPU(s)"));
    assertThat(row.get("MemUnit")).isEqualTo("1024");
    assertThat(row.get("CurMem") + " KiB").isEqualTo(virsh.get("Used memory"));
    assertThat(row.get("MaxMem") + " KiB").isEqualTo(virsh.get("Max memory"));
    assertThat(row.get("Persistent")).isEqualTo("yes".equals(virsh.get("Persistent")) ? "persistent" : "transient");
    assertThat(snmp.get("VM-MIB::vmNumber.0")).isEqualTo("1");
    assertThat(snmp.get("VM-MIB::vmHvSoftware.0")).isEqualTo("TEST");
  }

  @Test
  void refusedCredentialsAreCounted() {
    NetSnmp good = NetSnmp.viewer(port);
    long unknown = counter(good, ".1.3.6.1.6.3.15.1.1.3.0");
    long wrong = counter(good, ".1.3.6.1.6.3.15.1.1.5.0");
    long community = counter(good, ".1.3.6.1.2.1.11.4.0");
    assertThat(NetSnmp.user(port, "mallory", "mallory-pass", "mallory-pass").run("snmpget", "VM-MIB::vmNumber.0").ok()).isFalse();
    assertThat(NetSnmp.user(port, NetSnmp.OPERATOR, "not-the-password", "alice-priv-pass").run("snmpget", "VM-MIB::vmNumber.0").ok()).isFalse();
    TestBed.Result bad = NetSnmp.community(port, "vmx-snmp-guess").run("snmpget", "VM-MIB::vmNumber.0");
    assertThat(bad.stdout() + bad.stderr()).doesNotContain("INTEGER");
    assertThat(counter(good, ".1.3.6.1.6.3.15.1.1.3.0")).isGreaterThan(unknown);
    assertThat(counter(good, ".1.3.6.1.6.3.15.1.1.5.0")).isGreaterThan(wrong);
    assertThat(counter(good, ".1.3.6.1.2.1.11.4.0")).isGreaterThan(community);
    assertThat(NetSnmp.community(port, "vmx-snmp-public").get("VM-MIB::vmNumber.0")).isEqualTo("1");
  }

  @Test
  void hostileDatagramsAndHugeBulksLeaveItAnswering() throws IOException {
    Random random = new Random(16);
    try (DatagramSocket socket = new DatagramSocket()) {
      InetAddress local = InetAddress.getLoopbackAddress();
      for (int size : new int[] {1, 7, 100, 1500, 5000, 65000}) {
        byte[] garbage = new byte[size];
        random.nextBytes(garbage);
        socket.send(new DatagramPacket(garbage, size, local, port));
      }
      // A BER sequence announcing far more content than it carries.
      byte[] lying = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x01};
      socket.send(new DatagramPacket(lying, lying.length, local, port));
    }
    TestBed.Result bulk =
        NetSnmp.community(port, "vmx-snmp-public").run("snmpbulkget", "-Cn0", "-Cr100000", "-On", ".1.3.6.1");
    assertThat(bulk.ok()).as(bulk.stderr()).isTrue();
    assertThat(bulk.stdout().lines().count()).as("repetitions given").isBetween(1L, 64L);
    assertThat(NetSnmp.viewer(port).get("VM-MIB::vmNumber.0")).isEqualTo("1");
    assertThat(agent.log()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void readOnlyRefusesEveryWrite() throws IOException {
    int roPort = AgentProcess.freePort();
    try (AgentProcess ro =
        AgentArgs.watching("test:///default", "60s")
            .add("--read-only", "--snmp", "--snmp-port", String.valueOf(roPort))
            .add("--snmp-users", NetSnmp.usersFile(dir).toString())
            .started()) {
      NetSnmp operator = NetSnmp.operator(roPort);
      TestBed.Result set =
          operator.run("snmpset", ".1.3.6.1.4.1.36957.1.1.1.3." + UUID_OID_OF_TEST, "i", "3");
      assertThat(set.stdout() + set.stderr()).contains("notWritable");
      TestBed.Result admin = operator.run("snmpset", "VM-MIB::vmAdminState.1", "i", "3");
      assertThat(admin.stdout() + admin.stderr()).contains("notWritable");
      assertThat(operator.get("VM-MIB::vmOperState.1")).isEqualTo("running");
      assertThat(ro.log()).contains("view=snmp").contains("result=refused");
    }
  }

  @Test
  void mibFilesAreCleanUnderSmilint() {
    for (String mib : new String[] {"LIBVIRT-MIB.txt", "VM-MIB.txt"}) {
      TestBed.Result lint = TestBed.run(java.util.List.of("smilint", "-l", "3", NetSnmp.MIBS.resolve(mib).toString()));
      assertThat(lint.stdout() + lint.stderr()).as(mib).isEmpty();
      assertThat(lint.ok()).isTrue();
    }
    TestBed.Result translate =
        TestBed.run(
            java.util.List.of(
                "snmptranslate", "-M", "+" + NetSnmp.MIBS, "-m", "LIBVIRT-MIB:VM-MIB", "-On",
                "LIBVIRT-MIB::libvirtGuestNotif", "VM-MIB::vmTableLastChange"));
    assertThat(translate.stdout().lines().filter(l -> !l.isBlank()).toList())
        .containsExactly(".1.3.6.1.4.1.36957.0.1", ".1.3.6.1.2.1.236.1.3");
  }

  @Test
  void failedAuthenticationIsThrottledThenForgiven() {
    NetSnmp wrong = NetSnmp.user(port, NetSnmp.OPERATOR, "not-the-password", "alice-priv-pass");
    for (int i = 0; i < GuardedUdpTransport.FAILURES; i++) {
      assertThat(wrong.once("snmpget", "VM-MIB::vmNumber.0").ok()).isFalse();
    }
    TestBed.Result refused = NetSnmp.viewer(port).once("snmpget", "VM-MIB::vmNumber.0");
    assertThat(refused.stderr()).as("right credentials from a throttled address").contains("Timeout");
    Await.until(
        "the address is answered again",
        () -> NetSnmp.viewer(port).once("snmpget", "VM-MIB::vmNumber.0").ok(),
        Duration.ofSeconds(GuardedUdpTransport.WINDOW_SECONDS * 3L));
  }

  @Test
  void hostSnmpdProxiesBothSubtrees() throws IOException {
    int proxyPort = AgentProcess.freePort();
    Path conf = dir.resolve("snmpd.conf");
    String proxy =
        "proxy -v 3 -l authPriv -u " + NetSnmp.VIEWER + " -a SHA-256 -A " + NetSnmp.VIEWER_AUTH
            + " -x AES -X bob-priv-pass1 udp:127.0.0.1:" + port + " ";
    Files.writeString(
        conf,
        "agentaddress udp:127.0.0.1:" + proxyPort + "\n"
            + "rocommunity vmx-snmp-proxy 127.0.0.1\n"
            + proxy + ".1.3.6.1.4.1.36957\n"
            + proxy + ".1.3.6.1.2.1.236\n");
    Background snmpd =
        Background.start(
            dir.resolve("snmpd.log"),
            "snmpd", "-f", "-Lo", "-C", "-c", conf.toString(), "-p", dir.resolve("snmpd.pid").toString(),
            "-I", "-smux,mteTrigger,mteTriggerConf");
    try {
      NetSnmp viaSnmpd = NetSnmp.community(proxyPort, "vmx-snmp-proxy");
      String guests =
          Await.untilAnswers(
              "snmpd answering for LIBVIRT-MIB",
              () -> viaSnmpd.run("snmpwalk", "-On", ".1.3.6.1.4.1.36957").orThrow().stdout(),
              out -> out.contains("STRING: \"test\""),
              Duration.ofSeconds(20));
      assertThat(guests).contains(".1.3.6.1.4.1.36957.1.1.1.2." + UUID_OID_OF_TEST);
      assertThat(viaSnmpd.run("snmpwalk", "-On", ".1.3.6.1.2.1.236.1.4").orThrow().stdout())
          .contains(".1.3.6.1.2.1.236.1.4.1.2.1 = STRING: \"test\"");
    } finally {
      snmpd.close();
    }
  }

  private static long counter(NetSnmp snmp, String oid) {
    return Long.parseLong(snmp.get(oid));
  }

  private static Map<String, String> dominfo(String domain) {
    Map<String, String> info = new java.util.HashMap<>();
    for (String line : TestBed.run(java.util.List.of("virsh", "-c", "test:///default", "dominfo", domain)).orThrow().stdout().lines().toList()) {
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
}
