/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.MBeanException;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A disk's write threshold over a real JMX client, on an OS-less QEMU domain of its own ({@code
 * vmx-domaingaps-N}, which rewrites sector 1 of vdb every second): an operator arms it out of
 * reach and sees it in the DomainDisk MBean, in /metrics and in {@code virsh domstats}; armed at
 * the image file's first byte, the guest's next write makes libvirt send BLOCK_THRESHOLD, which arrives
 * as the Domain MBean's {@code libvirt.domain.warning.block-threshold} notification, and the
 * threshold is gone again from every view; a viewer's set is refused and changes nothing.
 */
class BlockThresholdIT {
  private static final String LIBVIRT = TestBed.QEMU_URI;
  private static final String DISK = "vdb";
  private static final String TYPE = "libvirt.domain.warning.block-threshold";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<Notification> RECEIVED =
      Collections.synchronizedList(new ArrayList<>());

  private static Path dir;
  private static QemuDomains vms;
  private static AgentProcess agent;
  private static JMXConnector operator;
  private static JMXConnector viewer;
  private static MBeanServerConnection jmx;
  private static String host;
  private static String vm;
  private static int metricsPort;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("vmx-domaingaps-threshold");
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").andViewer("bob", "bob-secret").save(users);
    vms = QemuDomains.start(1, "vmx-domaingaps-");
    vm = vms.names().get(0);
    int jmxPort = AgentProcess.freePort();
    metricsPort = AgentProcess.freePort();
    agent =
        AgentArgs.watching(LIBVIRT, "60s").jmx(jmxPort).metrics(metricsPort).users(users).started();
    operator = connect(jmxPort, "alice", "alice-secret");
    viewer = connect(jmxPort, "bob", "bob-secret");
    jmx = operator.getMBeanServerConnection();
    ObjectName hostName =
        Await.until(
                "a Host MBean",
                () -> jmx.queryNames(new ObjectName("libvirt:type=Host,*"), null),
                s -> !s.isEmpty(),
                WAIT)
            .iterator()
            .next();
    host = hostName.getKeyProperty("host");
    Await.until("the disk MBean of " + vm, () -> jmx.isRegistered(disk()), WAIT);
    jmx.addNotificationListener(domain(), (n, hb) -> RECEIVED.add(n), null, null);
  }

  private static JMXConnector connect(int port, String user, String password) throws Exception {
    return JMXConnectorFactory.connect(
        new JMXServiceURL(ViewRequests.jmxUrl(port)),
        Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
  }

  @AfterAll
  static void stop() throws Exception {
    for (JMXConnector c : new JMXConnector[] {operator, viewer}) {
      if (c != null) {
        c.close();
      }
    }
    if (agent != null) {
      agent.close();
    }
    if (vms != null) {
      vms.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
      }
    }
  }

  private static ObjectName domain() {
    return ObjectNames.domain(host, vm);
  }

  private static ObjectName disk() {
    return ObjectNames.disk(host, vm, DISK);
  }

  private static Map<String, String> domstats() {
    return TestBed.parseDomstats(TestBed.virsh("-c", LIBVIRT, "domstats", "--block", "--raw", vm));
  }

  /** vdb's block.N.* prefix in virsh domstats. */
  private static String vdb(Map<String, String> stats) {
    return stats.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".name") && DISK.equals(e.getValue()))
        .map(e -> e.getKey().substring(0, e.getKey().length() - "name".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + DISK + " in " + stats));
  }

  private static long threshold() throws Exception {
    return (Long) jmx.getAttribute(disk(), "ThresholdBytes");
  }

  private static List<String> thresholdSeries() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .header("Authorization", ViewRequests.basic("bob", "bob-secret"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body()
        .lines()
        .filter(l -> l.startsWith("libvirt_domain_block_threshold_bytes{"))
        .filter(l -> l.contains("\"" + vm + "\"") && l.contains("\"" + DISK + "\""))
        .toList();
  }

  @Test
  void aThresholdIsArmedReachedNotifiedAndClearedAndAViewerCannotSetOne() throws Exception {
    MBeanNotificationInfo[] infos = jmx.getMBeanInfo(domain()).getNotifications();
    assertThat(Stream.of(infos).flatMap(i -> Stream.of(i.getNotifTypes()))).contains(TYPE);

    String block = vdb(domstats());
    long highWater =
        Await.until(
            "vdb written by the guest",
            () -> TestBed.statLong(domstats(), block + "allocation"),
            v -> v > 0,
            WAIT);
    long capacity = TestBed.statLong(domstats(), block + "capacity");

    long outOfReach = highWater + capacity;
    jmx.invoke(
        domain(),
        "setBlockThreshold",
        new Object[] {DISK, outOfReach},
        new String[] {"java.lang.String", "long"});
    assertThat(TestBed.statLong(domstats(), block + "threshold")).isEqualTo(outOfReach);
    Await.until("ThresholdBytes armed", BlockThresholdIT::threshold, v -> v == outOfReach, WAIT);
    Await.until(
        "the armed threshold in /metrics",
        BlockThresholdIT::thresholdSeries,
        s -> s.size() == 1 && s.get(0).endsWith(" " + (double) outOfReach),
        WAIT);

    MBeanServerConnection asViewer = viewer.getMBeanServerConnection();
    assertThatThrownBy(
            () ->
                asViewer.invoke(
                    domain(),
                    "setBlockThreshold",
                    new Object[] {DISK, 512L},
                    new String[] {"java.lang.String", "long"}))
        .isInstanceOf(MBeanException.class)
        .hasMessageContaining("user 'bob' (viewer) may not run operation 'setBlockThreshold'");
    assertThat(TestBed.statLong(domstats(), block + "threshold")).isEqualTo(outOfReach);
    assertThat(RECEIVED).noneMatch(n -> n.getType().equals(TYPE));

    // The guest rewrites one sector of vdb's first data cluster, which qcow2 keeps past its header,
    // below the metadata written when the image grew: a threshold at the image file's first byte is
    // passed by the guest's next write (libvirt arms it on the image's storage node).
    long reachable = 1;
    jmx.invoke(
        domain(),
        "setBlockThreshold",
        new Object[] {DISK, reachable},
        new String[] {"java.lang.String", "long"});
    Notification n =
        Await.until(
            "the block-threshold notification",
            () -> List.copyOf(RECEIVED).stream().filter(x -> x.getType().equals(TYPE)).toList(),
            l -> !l.isEmpty(),
            WAIT)
            .get(0);
    CompositeData data = (CompositeData) n.getUserData();
    assertThat(data.get("name")).isEqualTo(vm);
    assertThat(data.get("event")).isEqualTo("block-threshold");
    assertThat((String) data.get("detail"))
        .startsWith("device " + DISK + ", path " + vms.disk(vm, DISK))
        .contains("threshold " + reachable + " bytes, excess ");
    assertThat(n.getMessage()).contains(vm).contains("block-threshold");

    assertThat(domstats()).doesNotContainKey(block + "threshold");
    Await.until("ThresholdBytes cleared", BlockThresholdIT::threshold, v -> v <= 0, WAIT);
    Await.until("the series gone", BlockThresholdIT::thresholdSeries, List::isEmpty, WAIT);
  }
}
