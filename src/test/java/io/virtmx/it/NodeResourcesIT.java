/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The node's resources on the real host, compared with what virsh says of them: NUMA cells and free
 * memory, pages, memory statistics, capabilities and domain capabilities, host interfaces, node
 * devices and their parents, network filters and secrets; a node device created on libvirtd's test
 * driver appears in JMX and {@code /metrics} within a second and goes as fast when destroyed; node-device detach is
 * refused to a viewer before libvirt and answered by libvirt for an operator. The agent collects
 * every 300 s, so each comparison first asks it to collect again ({@code refresh}) and anything seen
 * sooner came from an event. Domains are not collected (the test-bed guests are not touched).
 */
class NodeResourcesIT {
  private static final String OPERATOR = "vmx-node-op";
  private static final String VIEWER = "vmx-node-view";
  private static final String PASSWORD = "vmx-node-pw";
  private static final String FILTER = "vmx-node-filter";
  private static final String TEST_URI = "test+unix:///default";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "0d5e3f1a-766d-4e00-8e6f-646500000001";

  private static AgentProcess agent;
  private static Path users;
  private static Path secretXml;
  private static int jmxPort;
  private static int metricsPort;
  private static int jolokiaPort;
  private static JMXConnector operator;
  private static MBeanServerConnection mbs;
  private static ObjectName hostBean;

  @BeforeAll
  static void start() throws Exception {
    TestBed.ensureLibvirtd();
    cleanUp();
    Path filterXml = Files.createTempFile("vmx-node-filter", ".xml");
    Files.writeString(
        filterXml,
        "<filter name='" + FILTER + "' chain='ipv4'><rule action='accept' direction='out'>"
            + "<ip srcipaddr='198.18.0.1'/></rule></filter>");
    TestBed.virsh("nwfilter-define", filterXml.toString());
    Files.delete(filterXml);
    secretXml = Files.createTempFile("vmx-node-secret", ".xml");
    Files.writeString(
        secretXml,
        "<secret ephemeral='no' private='yes'><uuid>" + SECRET + "</uuid>"
            + "<description>vmx-node-it</description>"
            + "<usage type='iscsi'><target>vmx-node-it</target></usage></secret>");
    TestBed.virsh("secret-define", secretXml.toString());
    users = Files.createTempFile("vmx-node", ".users");
    TestUsers.operator(OPERATOR, PASSWORD).andViewer(VIEWER, PASSWORD).save(users);
    jmxPort = AgentProcess.freePort();
    metricsPort = AgentProcess.freePort();
    jolokiaPort = AgentProcess.freePort();
    agent =
        AgentArgs.watching(TestBed.QEMU_URI, "300s")
            .add("--no-collector", "domains", "--collector", "cpus")
            .users(users)
            .jmx(jmxPort)
            .metrics(metricsPort)
            .jolokia(jolokiaPort)
            .started();
    operator = connect(OPERATOR);
    mbs = operator.getMBeanServerConnection();
    hostBean =
        Await.until(
                "the Host MBean",
                () -> mbs.queryNames(new ObjectName("libvirt:type=Host,*"), null),
                s -> !s.isEmpty(),
                Duration.ofSeconds(30))
            .iterator()
            .next();
    Await.until(
        "node devices collected",
        () -> ((String[]) attr("NodeDevices")).length > 0,
        Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (agent != null) {
      agent.close();
    }
    cleanUp();
    if (users != null) {
      Files.deleteIfExists(users);
    }
    if (secretXml != null) {
      Files.deleteIfExists(secretXml);
    }
  }

  private static void cleanUp() {
    TestBed.tryVirsh("nwfilter-undefine", FILTER);
    TestBed.tryVirsh("secret-undefine", SECRET);
  }

  private static JMXConnector connect(String user) throws Exception {
    return JMXConnectorFactory.connect(
        new JMXServiceURL(ViewRequests.jmxUrl(jmxPort)),
        Map.of(JMXConnector.CREDENTIALS, new String[] {user, PASSWORD}));
  }

  private static Object attr(String name) throws Exception {
    return mbs.getAttribute(hostBean, name);
  }

  /** A map attribute (TabularData of key/value rows) as a sorted map. */
  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> map(String name) throws Exception {
    Map<String, V> out = new TreeMap<>();
    for (Object row : ((TabularData) attr(name)).values()) {
      CompositeData c = (CompositeData) row;
      out.put((String) c.get("key"), (V) c.get("value"));
    }
    return out;
  }

  /** Asks the agent to collect now and waits until it has. */
  private static void collectNow() throws Exception {
    String before = (String) attr("LastCollection");
    mbs.invoke(hostBean, "refresh", new Object[0], new String[0]);
    Await.until(
        "a new collection", () -> !attr("LastCollection").equals(before), Duration.ofSeconds(30));
  }

  private static String metrics() throws Exception {
    return get("http://127.0.0.1:" + metricsPort + "/metrics");
  }

  private static String get(String url) throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", ViewRequests.basic(VIEWER, PASSWORD))
            .build();
    return HTTP.send(get, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long kibLine(String text, String label) {
    Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s*:?\\s*(\\d+)").matcher(text);
    assertThat(m.find()).as(label + " in\n" + text).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static void assertNear(long actual, long expected, long tolerance, String what) {
    assertThat(Math.abs(actual - expected))
        .as("%s: agent %d, virsh %d (tolerance %d)", what, actual, expected, tolerance)
        .isLessThanOrEqualTo(tolerance);
  }

  @Test
  void cellsAndFreeMemoryAreVirshFreecell() throws Exception {
    collectNow();
    Map<String, Long> free = map("NumaCellFreeBytes");
    String virsh = TestBed.virsh("freecell", "--all");
    Map<String, Long> expected = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^\\s*(\\d+):\\s+(\\d+) KiB").matcher(virsh);
    while (m.find()) {
      expected.put(m.group(1), Long.parseLong(m.group(2)) * 1024);
    }
    assertThat(free.keySet()).isEqualTo(expected.keySet()).isNotEmpty();
    long total = (Long) attr("MemoryTotalBytes");
    for (String cell : expected.keySet()) {
      assertNear(free.get(cell), expected.get(cell), total / 50, "cell " + cell + " free");
    }
    assertThat(map("NumaCellCpus").values()).isNotEmpty().allMatch(s -> ((String) s).matches("[0-9,]+"));
    assertThat(metrics()).contains("libvirt_node_numa_memory_free_bytes{cell=\"0\"");
  }

  @Test
  void pagesAreVirshFreepages() throws Exception {
    collectNow();
    Map<String, Long> free = map("PagesFree");
    String virsh = TestBed.virsh("freepages", "--all");
    Map<String, Long> expected = new TreeMap<>();
    String cell = null;
    for (String line : virsh.split("\n")) {
      Matcher node = Pattern.compile("^Node (\\d+):").matcher(line.strip());
      Matcher size = Pattern.compile("^(\\d+)KiB: (\\d+)").matcher(line.strip());
      if (node.find()) {
        cell = node.group(1);
      } else if (size.find()) {
        expected.put(cell + ":" + Long.parseLong(size.group(1)) * 1024, Long.parseLong(size.group(2)));
      }
    }
    assertThat(free.keySet()).isEqualTo(expected.keySet()).hasSizeGreaterThan(1);
    long pages4k = (Long) attr("MemoryTotalBytes") / 4096;
    for (String key : expected.keySet()) {
      long tolerance = key.endsWith(":4096") ? pages4k / 50 : 0; // huge pages: exact
      assertNear(free.get(key), expected.get(key), tolerance, "free pages " + key);
    }
  }

  @Test
  void memoryStatisticsAreVirshNodememstats() throws Exception {
    collectNow();
    Map<String, Long> stats = map("MemoryStatsBytes");
    String virsh = TestBed.virsh("nodememstats");
    long total = kibLine(virsh, "total") * 1024;
    assertThat(stats.get("total")).isEqualTo(total);
    for (String field : List.of("free", "buffers", "cached")) {
      assertNear(stats.get(field), kibLine(virsh, field) * 1024, total / 50, field);
    }
    String tune = TestBed.virsh("node-memory-tune");
    Map<String, Long> ksm = map("SharedMemory");
    for (String p : List.of("pages_to_scan", "merge_across_nodes", "sleep_millisecs")) {
      assertThat(ksm.get(p)).as(p).isEqualTo(kibLine(tune, "shm_" + p));
    }
    assertThat(ksm).containsKeys("pages_shared", "pages_sharing", "pages_unshared", "full_scans");
  }

  @Test
  void hostCpuAndMachineTypesAreVirshCapabilities() throws Exception {
    Document caps = xml(TestBed.virsh("capabilities"));
    var xp = XPathFactory.newInstance().newXPath();
    assertThat(attr("HostCpuModelName")).isEqualTo(xp.evaluate("/capabilities/host/cpu/model", caps));
    assertThat(attr("HostCpuVendor")).isEqualTo(xp.evaluate("/capabilities/host/cpu/vendor", caps));
    assertThat(attr("HostCpuArch")).isEqualTo(xp.evaluate("/capabilities/host/cpu/arch", caps));
    NodeList features =
        (NodeList) xp.evaluate("/capabilities/host/cpu/feature/@name", caps, XPathConstants.NODESET);
    Set<String> expectedFeatures = new TreeSet<>();
    for (int i = 0; i < features.getLength(); i++) {
      expectedFeatures.add(features.item(i).getNodeValue());
    }
    assertThat(new TreeSet<>(Arrays.asList((String[]) attr("HostCpuFeatures"))))
        .isEqualTo(expectedFeatures);
    Map<String, Long> topology = map("HostCpuTopology");
    for (String t : List.of("sockets", "dies", "cores", "threads")) {
      assertThat(topology.get(t))
          .isEqualTo(Long.parseLong(xp.evaluate("/capabilities/host/cpu/topology/@" + t, caps)));
    }
    Map<String, String> machines = map("GuestMachineTypes");
    NodeList archs =
        (NodeList) xp.evaluate("/capabilities/guest/arch/@name", caps, XPathConstants.NODESET);
    assertThat(machines).hasSize(archs.getLength()).isNotEmpty();
    String page = metrics();
    for (int i = 0; i < archs.getLength(); i++) {
      String arch = archs.item(i).getNodeValue();
      NodeList ms =
          (NodeList)
              xp.evaluate(
                  "/capabilities/guest/arch[@name='" + arch + "']/machine", caps, XPathConstants.NODESET);
      Set<String> expected = new TreeSet<>();
      for (int j = 0; j < ms.getLength(); j++) {
        expected.add(ms.item(j).getTextContent().strip());
      }
      assertThat(new TreeSet<>(Arrays.asList(machines.get(arch).split(",")))).isEqualTo(expected);
      assertThat(page).contains("libvirt_node_guest_machine_info{arch=\"" + arch + "\"");
    }
  }

  @Test
  void maximumVcpusPerArchitectureAreVirshDomcapabilities() throws Exception {
    Map<String, Long> max = map("GuestMaxVcpus");
    assertThat(max).isNotEmpty();
    String page = metrics();
    for (var e : max.entrySet()) {
      String dc = TestBed.virsh("domcapabilities", "--arch", e.getKey());
      Matcher m = Pattern.compile("<vcpu max='(\\d+)'/>").matcher(dc);
      assertThat(m.find()).isTrue();
      assertThat(e.getValue()).as(e.getKey()).isEqualTo(Long.parseLong(m.group(1)));
      assertThat(page)
          .containsPattern(
              "libvirt_node_guest_max_vcpus\\{arch=\"" + e.getKey() + "\".*} " + m.group(1));
      Document doc = xml(dc);
      var xp = XPathFactory.newInstance().newXPath();
      NodeList buses =
          (NodeList)
              xp.evaluate(
                  "/domainCapabilities/devices/disk/enum[@name='bus']/value", doc, XPathConstants.NODESET);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < buses.getLength(); i++) {
        b.append(i == 0 ? "" : ",").append(buses.item(i).getTextContent().strip());
      }
      assertThat(map("GuestDevices").get(e.getKey() + ":disk_bus")).isEqualTo(b.toString());
    }
  }

  @Test
  void interfacesAreVirshIfaceList() throws Exception {
    collectNow();
    Map<String, String> agentSide = map("HostInterfaces");
    Map<String, String> expected = new TreeMap<>();
    for (String line : TestBed.virsh("iface-list", "--all").split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 3 && !f[0].equals("Name")) {
        expected.put(f[0], "mac=" + f[2] + " active=" + f[1].equals("active"));
      }
    }
    assertThat(agentSide.keySet()).isEqualTo(expected.keySet()).isNotEmpty();
    for (var e : expected.entrySet()) {
      String[] want = e.getValue().split(" ");
      assertThat(agentSide.get(e.getKey())).contains(want[0]).contains(want[1]);
    }
  }

  @Test
  void nodeDevicesAndParentsAreVirshNodedevList() throws Exception {
    collectNow();
    Set<String> expected = new TreeSet<>();
    for (String line : TestBed.virsh("nodedev-list").split("\n")) {
      if (!line.isBlank()) {
        expected.add(line.strip());
      }
    }
    assertThat(new TreeSet<>(Arrays.asList((String[]) attr("NodeDevices")))).isEqualTo(expected);
    Map<String, String> parents = map("NodeDeviceParents");
    assertThat(parents).isEqualTo(treeParents(TestBed.virsh("nodedev-list", "--tree")));
    String page = metrics();
    for (String d : expected) {
      assertThat(page).contains("device=\"" + d + "\"");
    }
    assertThat(map("StorageDeviceSizeBytes")).isNotEmpty();
  }

  /** Each device's parent as {@code virsh nodedev-list --tree} draws it ("" for the root). */
  static Map<String, String> treeParents(String tree) {
    Map<String, String> out = new TreeMap<>();
    Deque<Object[]> stack = new ArrayDeque<>(); // {depth, name}
    for (String line : tree.split("\n")) {
      int at = line.indexOf("+- ");
      String name = at < 0 ? line.strip() : line.substring(at + 3).strip();
      if (name.isEmpty() || name.matches("[|\\s]*")) {
        continue;
      }
      int depth = at;
      while (!stack.isEmpty() && (int) stack.peek()[0] >= depth) {
        stack.pop();
      }
      out.put(name, stack.isEmpty() ? "" : (String) stack.peek()[1]);
      stack.push(new Object[] {depth, name});
    }
    return out;
  }

  /**
   * A node device created and destroyed on libvirtd's shared test driver (a vHBA under the test
   * driver's fc_host {@code scsi_host1}, libvirt names it) is in JMX and {@code /metrics} within a
   * second, and gone within a second, with collections 300 s apart: only the node-device event can
   * have brought it. (A dummy or veth device on this host brings no event: libvirt's udev backend
   * hears devices only through udevd, which this machine does not run.)
   */
  @Test
  void aCreatedNodeDeviceAppearsAndGoesWithinASecond() throws Exception {
    Path vhba = Files.createTempFile("vmx-node-vhba", ".xml");
    Files.writeString(
        vhba,
        "<device><parent>scsi_host1</parent><capability type='scsi_host'>"
            + "<capability type='fc_host'><wwnn>2000000054325432</wwnn>"
            + "<wwpn>1000000054325432</wwpn></capability></capability></device>");
    int jmx = AgentProcess.freePort();
    int http = AgentProcess.freePort();
    String created = null;
    try (AgentProcess test =
            AgentArgs.watching(TEST_URI, "300s")
                .add("--no-collector", "domains")
                .users(users)
                .jmx(jmx)
                .metrics(http)
                .started();
        JMXConnector c =
            JMXConnectorFactory.connect(
                new JMXServiceURL(ViewRequests.jmxUrl(jmx)),
                Map.of(JMXConnector.CREDENTIALS, new String[] {OPERATOR, PASSWORD}))) {
      MBeanServerConnection conn = c.getMBeanServerConnection();
      ObjectName host =
          Await.until(
                  "the test driver's Host MBean",
                  () -> conn.queryNames(new ObjectName("libvirt:type=Host,*"), null),
                  s -> !s.isEmpty(),
                  Duration.ofSeconds(30))
              .iterator()
              .next();
      Await.until(
          "node devices collected",
          () -> List.of((String[]) conn.getAttribute(host, "NodeDevices")).contains("scsi_host1"),
          Duration.ofSeconds(60));
      String url = "http://127.0.0.1:" + http + "/metrics";
      long g0 = System.nanoTime();
      get(url);
      long scrapeMs = (System.nanoTime() - g0) / 1_000_000; // includes the password check
      java.util.Queue<String> notified = new java.util.concurrent.ConcurrentLinkedQueue<>();
      conn.addNotificationListener(
          host, (n, hb) -> notified.add(n.getType() + " " + n.getMessage()), null, null);
      String out =
          TestBed.run(List.of("virsh", "-c", TEST_URI, "nodedev-create", vhba.toString()))
              .orThrow()
              .stdout();
      long t0 = System.nanoTime();
      Matcher m = Pattern.compile("Node device (\\S+) created").matcher(out);
      assertThat(m.find()).as(out).isTrue();
      created = m.group(1);
      String name = created;
      Await.until(
          "the new node device in JMX",
          () -> List.of((String[]) conn.getAttribute(host, "NodeDevices")).contains(name),
          Duration.ofSeconds(1));
      long inJmx = (System.nanoTime() - t0) / 1_000_000;
      Await.until(
          "the new node device in /metrics",
          () -> get(url).contains("device=\"" + name + "\""),
          Duration.ofSeconds(1));
      System.out.printf(
          "node device %s in JMX after %d ms, in /metrics after %d ms (one scrape takes %d ms)%n",
          name, inJmx, (System.nanoTime() - t0) / 1_000_000, scrapeMs);
      Await.until(
          "a created notification",
          () -> notified.stream().anyMatch(t -> t.startsWith("libvirt.node_device.lifecycle.created")),
          Duration.ofSeconds(5));
      TestBed.run(List.of("virsh", "-c", TEST_URI, "nodedev-destroy", name)).orThrow();
      created = null;
      long t1 = System.nanoTime();
      Await.until(
          "the node device gone from JMX",
          () -> !List.of((String[]) conn.getAttribute(host, "NodeDevices")).contains(name),
          Duration.ofSeconds(1));
      Await.until(
          "the node device gone from /metrics",
          () -> !get(url).contains("device=\"" + name + "\""),
          Duration.ofSeconds(1));
      System.out.printf(
          "node device %s gone from JMX and /metrics after %d ms%n",
          name, (System.nanoTime() - t1) / 1_000_000);
      assertThat(test.log()).contains("node_device " + name + " created");
    } finally {
      if (created != null) {
        TestBed.run(List.of("virsh", "-c", TEST_URI, "nodedev-destroy", created));
      }
      Files.deleteIfExists(vhba);
    }
  }

  @Test
  void detachIsRefusedToAViewerBeforeLibvirtAndAnsweredByLibvirtForAnOperator() throws Exception {
    String device = "net_lo_00_00_00_00_00_00";
    try (JMXConnector viewer = connect(VIEWER)) {
      MBeanServerConnection v = viewer.getMBeanServerConnection();
      assertThatThrownBy(
              () ->
                  v.invoke(
                      hostBean, "detachNodeDevice", new Object[] {device}, new String[] {"java.lang.String"}))
          .hasMessageContaining("may not run operation 'detachNodeDevice'");
    }
    assertThat(agent.log()).contains("op=detachNodeDevice result=refused");
    String libvirtSays = TestBed.tryVirsh("nodedev-detach", device).stderr();
    String reason = libvirtSays.substring(libvirtSays.lastIndexOf("error: ") + 7).strip();
    assertThat(reason).isNotEmpty();
    assertThatThrownBy(
            () ->
                mbs.invoke(
                    hostBean, "detachNodeDevice", new Object[] {device}, new String[] {"java.lang.String"}))
        .isInstanceOf(MBeanException.class)
        .hasMessageContaining(reason);
    String jolokia = "http://127.0.0.1:" + jolokiaPort + "/jolokia";
    String mbean = hostBean.getCanonicalName();
    String exec =
        "{\"type\":\"exec\",\"mbean\":\"" + mbean + "\",\"operation\":\"detachNodeDevice\","
            + "\"arguments\":[\"" + device + "\"]}";
    assertThat(ViewRequests.postAs(jolokia, VIEWER, PASSWORD, exec)).contains("\"status\":403");
    assertThat(ViewRequests.postAs(jolokia, OPERATOR, PASSWORD, exec)).contains(reason);
    assertThatThrownBy(
            () ->
                mbs.invoke(
                    hostBean, "resetNodeDevice", new Object[] {"../x"}, new String[] {"java.lang.String"}))
        .hasMessageContaining("invalid node device name: '../x'");
    assertThatThrownBy(
            () ->
                mbs.invoke(
                    hostBean, "startHostInterface", new Object[] {"lo"}, new String[] {"java.lang.String"}))
        .hasMessageContaining("host interfaces are read-only on this host");
  }

  @Test
  void filtersBindingsAndSecretsAreVirsh() throws Exception {
    collectNow();
    Map<String, String> filters = map("NetworkFilters");
    Map<String, String> expected = new TreeMap<>();
    for (String line : TestBed.virsh("nwfilter-list").split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2 && f[0].matches("[0-9a-f-]{36}")) {
        expected.put(f[1], f[0]);
      }
    }
    assertThat(filters).isEqualTo(expected).containsKey(FILTER);
    Set<String> bindings = new TreeSet<>();
    for (String line : TestBed.virsh("nwfilter-binding-list").split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2 && !f[0].equals("Port") && !f[0].startsWith("-")) {
        bindings.add(f[0] + "=" + f[1]);
      }
    }
    Set<String> agentBindings = new TreeSet<>();
    map("NetworkFilterBindings")
        .forEach((port, v) -> agentBindings.add(port + "=" + ((String) v).split(" ")[0].substring(7)));
    assertThat(agentBindings).isEqualTo(bindings);
    Map<String, Long> secrets = new HashMap<>();
    for (String line : TestBed.virsh("secret-list").split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && f[0].matches("[0-9a-f-]{36}")) {
        secrets.merge(f[1], 1L, Long::sum);
      }
    }
    assertThat(map("SecretsByUsage")).isEqualTo(secrets).containsKey("iscsi");
    assertThat(metrics())
        .contains("libvirt_node_nwfilter_info{")
        .contains("nwfilter=\"" + FILTER + "\"")
        .contains("libvirt_node_secrets{");
  }

  @Test
  void perCpuTimesAndPromtoolClean() throws Exception {
    Map<String, Long> perCpu = map("PerCpuTimeNs");
    assertThat(perCpu).containsKey("0:user").containsKey("0:idle");
    String page = metrics();
    assertThat(page).contains("libvirt_node_cpu_time_per_cpu_seconds_total{");
    Path in = Files.createTempFile("vmx-node-metrics", ".txt");
    try {
      Files.writeString(in, page);
      TestBed.Result r = TestBed.run(List.of("sh", "-c", "promtool check metrics < " + in));
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
      assertThat(r.stdout() + r.stderr()).isEmpty();
    } finally {
      Files.deleteIfExists(in);
    }
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }
}
