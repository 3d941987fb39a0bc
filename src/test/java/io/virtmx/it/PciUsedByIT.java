/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * A persistent domain {@code vmx-domaingaps-pci}, defined on qemu:///system (never started) with a
 * {@code <hostdev type='pci'>} naming a real PCI device of this machine from {@code virsh
 * nodedev-list --cap pci}: the agent watching the host marks that node device as used by the domain
 * in the Host MBean's PciDevices and in {@code libvirt_node_device_pci_info{used_by}} (from the
 * define event, the poll interval being 60 s), and {@code --once} JSON says so too; undefined, the
 * device is free again. Nothing is detached: an unstarted domain holds no device.
 */
class PciUsedByIT {
  private static final String LIBVIRT = TestBed.QEMU_URI;
  private static final String VM = "vmx-domaingaps-pci";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Path dir;
  private static AgentProcess agent;
  private static JMXConnector connector;
  private static MBeanServerConnection jmx;
  private static ObjectName hostMBean;
  private static int metricsPort;
  private static String device;
  private static String address;

  @BeforeAll
  static void start() throws Exception {
    TestBed.ensureLibvirtd();
    TestBed.tryVirsh("-c", LIBVIRT, "undefine", VM);
    List<String> pci =
        TestBed.virsh("-c", LIBVIRT, "nodedev-list", "--cap", "pci").lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    assertThat(pci).as("PCI node devices of this machine").isNotEmpty();
    device = pci.get(pci.size() - 1); // pci_0000_00_05_0
    String[] p = device.substring("pci_".length()).split("_");
    address = p[0] + ":" + p[1] + ":" + p[2] + "." + p[3];
    dir = Files.createTempDirectory("vmx-domaingaps-pci");
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").save(users);
    int jmxPort = AgentProcess.freePort();
    metricsPort = AgentProcess.freePort();
    agent =
        AgentArgs.watching(LIBVIRT, "60s").jmx(jmxPort).metrics(metricsPort).users(users).started();
    connector =
        JMXConnectorFactory.connect(
            new JMXServiceURL(ViewRequests.jmxUrl(jmxPort)),
            Map.of(JMXConnector.CREDENTIALS, new String[] {"alice", "alice-secret"}));
    jmx = connector.getMBeanServerConnection();
    hostMBean =
        Await.until(
                "a Host MBean",
                () -> jmx.queryNames(new ObjectName("libvirt:type=Host,*"), null),
                s -> !s.isEmpty(),
                WAIT)
            .iterator()
            .next();
  }

  @AfterAll
  static void stop() throws Exception {
    TestBed.tryVirsh("-c", LIBVIRT, "undefine", VM);
    if (connector != null) {
      connector.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
      }
    }
  }

  private static String domainXml() {
    String[] a = address.split("[:.]");
    return "<domain type='qemu'><name>"
        + VM
        + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64'>hvm</type></os><devices>"
        + "<hostdev mode='subsystem' type='pci' managed='no'><source>"
        + "<address domain='0x"
        + a[0]
        + "' bus='0x"
        + a[1]
        + "' slot='0x"
        + a[2]
        + "' function='0x"
        + a[3]
        + "'/></source></hostdev></devices></domain>";
  }

  /** The Host MBean's PciDevices row of the device (a TabularData of key/value rows). */
  private static String pciDetails() throws Exception {
    TabularData table = (TabularData) jmx.getAttribute(hostMBean, "PciDevices");
    CompositeData row = table.get(new Object[] {device});
    return row == null ? null : (String) row.get("value");
  }

  private static List<String> pciSeries() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .header("Authorization", ViewRequests.basic("alice", "alice-secret"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body()
        .lines()
        .filter(l -> l.startsWith("libvirt_node_device_pci_info{"))
        .filter(l -> l.contains("device=\"" + device + "\""))
        .toList();
  }

  @Test
  void aDefinedDomainPassingADeviceThroughMarksItUsedEverywhereUntilUndefined() throws Exception {
    Await.until("PciDevices lists " + device, PciUsedByIT::pciDetails, d -> d != null, WAIT);
    assertThat(pciDetails()).contains("address=" + address).endsWith(" used_by=none");
    assertThat(pciSeries()).singleElement().asString().contains("used_by=\"\"");

    Path xml = Files.writeString(dir.resolve("domain.xml"), domainXml());
    TestBed.virsh("-c", LIBVIRT, "define", xml.toString());
    assertThat(TestBed.virsh("-c", LIBVIRT, "dumpxml", "--inactive", VM))
        .contains("<hostdev mode='subsystem' type='pci'");

    Await.until(
        "PciDevices marks " + device + " used by " + VM,
        PciUsedByIT::pciDetails,
        d -> d.endsWith(" used_by=" + VM),
        WAIT);
    Await.until(
        "the pci info series with used_by",
        PciUsedByIT::pciSeries,
        s -> s.size() == 1 && s.get(0).contains("used_by=\"" + VM + "\""),
        WAIT);
    TestBed.Result once =
        AgentProcess.run(Duration.ofSeconds(120), "--once", "--format", "json", "--connect", LIBVIRT);
    assertThat(once.exitCode()).as(once.stderr()).isZero();
    JsonNode devices = new ObjectMapper().readTree(once.stdout()).get("hosts").get(0)
        .get("resources").get("devices");
    JsonNode node =
        Stream.iterate(0, i -> i < devices.size(), i -> i + 1)
            .map(devices::get)
            .filter(d -> d.get("name").asText().equals(device))
            .findFirst()
            .orElseThrow();
    assertThat(node.get("pci").get("usedBy").asText()).isEqualTo(VM);
    assertThat(TestBed.virsh("-c", LIBVIRT, "domstate", VM).strip()).isEqualTo("shut off");

    TestBed.virsh("-c", LIBVIRT, "undefine", VM);
    Await.until(
        device + " free again", PciUsedByIT::pciDetails, d -> d.endsWith(" used_by=none"), WAIT);
    Await.until(
        "used_by empty again",
        PciUsedByIT::pciSeries,
        s -> s.size() == 1 && s.get(0).contains("used_by=\"\""),
        WAIT);
  }
}
