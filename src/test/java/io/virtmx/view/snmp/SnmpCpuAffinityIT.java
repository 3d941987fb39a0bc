/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.TestUsers;
import io.virtmx.view.jmx.ObjectNames;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code vmCpuAffinityTable} of a running OS-less QEMU domain ({@value #VM}, two vCPUs, vCPU 1
 * pinned to host CPU 0) equals its {@code <vcpupin>}, and a {@code virsh vcpupin --live} shows
 * in the table once libvirt's tunable event has made the agent read the domain again (the
 * periodic collection is 10 minutes away).
 */
class SnmpCpuAffinityIT {
  static final String VM = "vmx-snmpaff-1";
  private static final String URI = TestBed.QEMU_URI;
  private static final String ENABLE = "enable(1)";
  private static final String DISABLE = "disable(2)";
  private static Path dir;
  private static AgentProcess agent;
  private static int port;
  private static int hostCpus;
  private static int jmxPort;

  @BeforeAll
  static void start() throws IOException {
    TestBed.ensureLibvirtd();
    dir = Files.createTempDirectory("vmx-snmpaff-");
    removeDomain();
    Path xml = dir.resolve("domain.xml");
    Files.writeString(xml, domainXml(), StandardCharsets.UTF_8);
    TestBed.virsh("-c", URI, "define", xml.toString());
    TestBed.virsh("-c", URI, "start", VM);
    hostCpus = Runtime.getRuntime().availableProcessors();
    port = AgentProcess.freePort();
    jmxPort = AgentProcess.freePort();
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").save(users);
    agent =
        AgentArgs.watching(URI, "600s")
            .jmx(jmxPort)
            .users(users)
            .add("--snmp", "--snmp-port", String.valueOf(port))
            .add("--snmp-users", NetSnmp.usersFile(dir).toString())
            .started();
  }

  @AfterAll
  static void stop() throws IOException {
    if (agent != null) {
      agent.close();
    }
    removeDomain();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    }
  }

  @Test
  void tableFollowsTheDefinitionAndALiveVcpupin() throws Exception {
    assertThat(hostCpus).as("host CPUs (the test needs two)").isGreaterThanOrEqualTo(2);
    NetSnmp snmp = NetSnmp.viewer(port);
    String index = Await.untilAnswers("a vmName row for " + VM, () -> vmIndex(snmp), i -> i != null, Duration.ofSeconds(20));
    Map<String, String> pinned = affinity(snmp, index);
    assertThat(pinned).hasSize(2 * hostCpus);
    for (int cpu = 1; cpu <= hostCpus; cpu++) {
      assertThat(pinned.get("1." + cpu)).as("vCPU 0 (unpinned) on host CPU %d", cpu - 1).isEqualTo(ENABLE);
      assertThat(pinned.get("2." + cpu)).as("vCPU 1 on host CPU %d", cpu - 1).isEqualTo(cpu == 1 ? ENABLE : DISABLE);
    }
    assertThat(TestBed.virsh("-c", URI, "vcpupin", VM, "--vcpu", "1")).containsPattern("(?m)^\\s*1\\s+0\\s*$");

    TestBed.virsh("-c", URI, "vcpupin", VM, "1", "1", "--live");
    Map<String, String> moved =
        Await.until(
            "vCPU 1 moved to host CPU 1 in vmCpuAffinityTable",
            () -> affinity(snmp, index),
            rows -> ENABLE.equals(rows.get("2.2")),
            Duration.ofSeconds(15));
    assertThat(moved.get("2.1")).isEqualTo(DISABLE);
    assertThat(moved.get("1.1")).isEqualTo(ENABLE);
    assertThat(TestBed.virsh("-c", URI, "dumpxml", VM)).contains("<vcpupin vcpu='1' cpuset='1'/>");
    assertThat(jmxPinning()).isEqualTo(Map.of("1", "1"));
  }

  @Test
  void onceJsonListsThePinnedVcpu() throws Exception {
    TestBed.Result once =
        AgentProcess.run(Duration.ofSeconds(120), "--once", "--format", "json", "--connect", URI);
    assertThat(once.exitCode()).as(once.stderr()).isZero();
    JsonNode domains = new ObjectMapper().readTree(once.stdout()).get("hosts").get(0).get("domains");
    JsonNode vm = null;
    for (JsonNode d : domains) {
      vm = VM.equals(d.get("name").asText()) ? d : vm;
    }
    assertThat(vm).as("%s in --once JSON", VM).isNotNull();
    JsonNode pinning = vm.get("vcpus").get("pinning");
    assertThat(pinning.size()).isEqualTo(1);
    assertThat(pinning.get(0).get("vcpu").asInt()).isEqualTo(1);
    assertThat(pinning.get(0).get("hostCpus").toString()).isIn("[0]", "[1]");
  }

  /** The Domain MBean's VcpuPinning, as a plain map. */
  private static Map<String, String> jmxPinning() throws Exception {
    try (JMXConnector c =
        JMXConnectorFactory.connect(
            new JMXServiceURL(ViewRequests.jmxUrl(jmxPort)),
            Map.of(JMXConnector.CREDENTIALS, new String[] {"alice", "alice-secret"}))) {
      MBeanServerConnection jmx = c.getMBeanServerConnection();
      ObjectName host =
          jmx.queryNames(new ObjectName("libvirt:type=Host,*"), null).iterator().next();
      ObjectName domain = ObjectNames.domain(host.getKeyProperty("host"), VM);
      TabularData table = (TabularData) jmx.getAttribute(domain, "VcpuPinning");
      Map<String, String> out = new TreeMap<>();
      for (Object row : table.values()) {
        CompositeData r = (CompositeData) row;
        out.put((String) r.get("key"), (String) r.get("value"));
      }
      return out;
    }
  }

  /** vmCpuAffinity of one VM: "vCPU index.host CPU index" to the value snmpwalk prints. */
  private static Map<String, String> affinity(NetSnmp snmp, String vmIndex) {
    String prefix = ".1.3.6.1.2.1.236.1.6.1.3." + vmIndex + ".";
    String walk = snmp.run("snmpwalk", "-On", "VM-MIB::vmCpuAffinity." + vmIndex).orThrow().stdout();
    Map<String, String> rows = new TreeMap<>();
    for (String line : walk.lines().toList()) {
      if (line.startsWith(prefix) && line.contains(" = INTEGER: ")) {
        String suffix = line.substring(prefix.length(), line.indexOf(' '));
        rows.put(suffix, line.substring(line.indexOf(" = INTEGER: ") + 12).strip());
      }
    }
    return rows;
  }

  private static String vmIndex(NetSnmp snmp) {
    String walk = snmp.run("snmpwalk", "-On", "VM-MIB::vmName").orThrow().stdout();
    for (String line : walk.lines().toList()) {
      if (line.contains("\"" + VM + "\"")) {
        String oid = line.substring(0, line.indexOf(' '));
        return oid.substring(oid.lastIndexOf('.') + 1);
      }
    }
    return null;
  }

  private static void removeDomain() {
    TestBed.tryVirsh("-c", URI, "destroy", VM);
    TestBed.tryVirsh("-c", URI, "undefine", VM);
  }

  /** An OS-less domain: no disk, no network; QEMU runs its vCPUs in the firmware. */
  private static String domainXml() {
    return """
        <domain type='qemu'>
          <name>%s</name>
          <memory unit='MiB'>64</memory>
          <vcpu placement='static'>2</vcpu>
          <cputune>
            <vcpupin vcpu='1' cpuset='0'/>
          </cputune>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <on_poweroff>destroy</on_poweroff>
          <devices/>
        </domain>
        """
        .formatted(VM);
  }
}
