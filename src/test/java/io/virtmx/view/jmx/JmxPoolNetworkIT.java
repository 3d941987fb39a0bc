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
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agent jar in its own process watching qemu:///system with a 60 s poll interval; a standard
 * JSR-160 client starts, stops and configures a dir storage pool, its volumes and a bridge network
 * it defined itself, and every result is checked against virsh, the MBeans' attributes and their
 * notifications.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JmxPoolNetworkIT {
  private static final String URI = TestBed.QEMU_URI;
  private static final String POOL = "virtmx-jmxit-pool";
  private static final String NET = "virtmx-jmxit-net";
  private static final long MIB = 1024 * 1024;
  private static final List<Notification> POOL_EVENTS =
      Collections.synchronizedList(new ArrayList<>());
  private static final List<Notification> NET_EVENTS =
      Collections.synchronizedList(new ArrayList<>());
  private static Path dir;
  private static AgentProcess agent;
  private static JMXConnector connector;
  private static MBeanServerConnection jmx;
  private static String host;

  @BeforeAll
  static void start() throws Exception {
    TestBed.ensureLibvirtd();
    QemuDomains.ensureBridge();
    dir = Files.createTempDirectory("virtmx-jmx-poolnet-it");
    Path target = Files.createDirectory(dir.resolve("pool"));
    TestBed.virsh("-c", URI, "pool-define-as", POOL, "dir", "--target", target.toString());
    Path netXml = dir.resolve("net.xml");
    Files.writeString(
        netXml,
        "<network><name>"
            + NET
            + "</name><forward mode='bridge'/><bridge name='virtmxbr0'/></network>");
    TestBed.virsh("-c", URI, "net-define", netXml.toString());
    Path users = dir.resolve("users");
    TestUsers.operator("alice", "alice-secret").save(users);
    int port = AgentProcess.freePort();
    // the pool lies inside the --disk-dir: volume operations reach only such pools
    agent =
        AgentArgs.watching(URI, "60s")
            .jmx(port)
            .users(users)
            .add("--disk-dir", dir.toString())
            .started();
    connector =
        JMXConnectorFactory.connect(
            new JMXServiceURL(ViewRequests.jmxUrl(port)),
            Map.of(JMXConnector.CREDENTIALS, new String[] {"alice", "alice-secret"}));
    jmx = connector.getMBeanServerConnection();
    ObjectName hostName =
        await(
                () -> jmx.queryNames(new ObjectName("libvirt:type=Host,*"), null),
                s -> !s.isEmpty(),
                "a Host MBean")
            .iterator()
            .next();
    host = hostName.getKeyProperty("host");
    await(() -> jmx.isRegistered(pool()), Boolean::booleanValue, "the pool MBean");
    await(() -> jmx.isRegistered(network()), Boolean::booleanValue, "the network MBean");
    jmx.addNotificationListener(pool(), (n, hb) -> POOL_EVENTS.add(n), null, null);
    jmx.addNotificationListener(network(), (n, hb) -> NET_EVENTS.add(n), null, null);
  }

  @AfterAll
  static void stop() {
    try {
      if (connector != null) {
        connector.close();
      }
    } catch (java.io.IOException e) {
      // the agent goes anyway
    }
    if (agent != null) {
      agent.close();
    }
    TestBed.tryVirsh("-c", URI, "pool-destroy", POOL);
    TestBed.tryVirsh("-c", URI, "pool-undefine", POOL);
    TestBed.tryVirsh("-c", URI, "net-destroy", NET);
    TestBed.tryVirsh("-c", URI, "net-undefine", NET);
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException e) {
        // best effort
      }
    }
  }

  private static ObjectName pool() {
    return ObjectNames.pool(host, POOL);
  }

  private static ObjectName volume(String name) {
    return ObjectNames.volume(host, POOL, name);
  }

  private static ObjectName network() {
    return ObjectNames.network(host, NET);
  }

  /** A remote call that may throw. */
  @FunctionalInterface
  private interface Remote<T> {
    T get() throws Exception;
  }

  /** Polls until the value satisfies the condition (events arrive asynchronously). */
  private static <T> T await(Remote<T> value, Predicate<T> condition, String what)
      throws Exception {
    return await(value, condition, () -> what);
  }

  private static <T> T await(Remote<T> value, Predicate<T> condition, Supplier<String> what)
      throws Exception {
    return Await.until(what.get(), value::get, condition, Duration.ofSeconds(10));
  }

  private static Object attribute(ObjectName name, String attribute, Object expected)
      throws Exception {
    return await(
        () -> jmx.getAttribute(name, attribute),
        v -> Objects.equals(v, expected),
        name + " " + attribute + " = " + expected);
  }

  /**
   * A notification of {@code type} (and matching) received since the queue was last cleared,
   * waiting up to 10 s; the order of notifications among themselves is not checked.
   */
  private static Notification received(
      List<Notification> queue, String type, Predicate<Notification> matching) throws Exception {
    return await(
            () -> {
              synchronized (queue) {
                return queue.stream()
                    .filter(n -> n.getType().equals(type) && matching.test(n))
                    .findFirst();
              }
            },
            Optional::isPresent,
            () -> "a notification " + type + " (received " + types(queue) + ")")
        .orElseThrow();
  }

  private static List<String> types(List<Notification> queue) {
    synchronized (queue) {
      return queue.stream().map(Notification::getType).toList();
    }
  }

  private static Predicate<Notification> change(String attribute, Object before, Object after) {
    return n ->
        n instanceof AttributeChangeNotification c
            && c.getAttributeName().equals(attribute)
            && Objects.equals(c.getOldValue(), before)
            && Objects.equals(c.getNewValue(), after);
  }

  private static String info(String command, String name, String field, String... options) {
    String[] args = new String[4 + options.length];
    args[0] = "-c";
    args[1] = URI;
    args[2] = command;
    args[3] = name;
    System.arraycopy(options, 0, args, 4, options.length);
    for (String line : TestBed.virsh(args).split("\n")) {
      if (line.startsWith(field + ":")) {
        return line.substring(field.length() + 1).strip();
      }
    }
    throw new AssertionError("virsh " + command + " has no " + field);
  }

  private static long volumeCapacity(String volume) {
    String capacity = info("vol-info", volume, "Capacity", "--pool", POOL, "--bytes");
    return Long.parseLong(capacity.replace(" bytes", ""));
  }

  /**
   * Turns autostart on through the MBean (off before), seen by virsh ({@code infoCommand}) and then
   * in the attribute.
   */
  private static void autostartOn(ObjectName bean, String infoCommand, String name)
      throws Exception {
    assertThat(jmx.getAttribute(bean, "Autostart")).isEqualTo(false);
    invoke(bean, "setAutostart", new Object[] {true}, new String[] {"boolean"});
    assertThat(info(infoCommand, name, "Autostart")).isEqualTo("yes");
    attribute(bean, "Autostart", true);
  }

  private static Object invoke(ObjectName name, String operation, Object[] args, String[] sig)
      throws Exception {
    return jmx.invoke(name, operation, args, sig);
  }

  @Test
  @Order(1)
  void definedPoolAndNetworkAreInactiveLikeVirshSays() throws Exception {
    assertThat(info("pool-info", POOL, "State")).isEqualTo("inactive");
    assertThat(jmx.getAttribute(pool(), "State")).isEqualTo("inactive");
    assertThat(jmx.getAttribute(pool(), "Active")).isEqualTo(false);
    assertThat(jmx.getAttribute(pool(), "Uuid"))
        .isEqualTo(TestBed.virsh("-c", URI, "pool-uuid", POOL).strip());
    assertThat(info("net-info", NET, "Active")).isEqualTo("no");
    assertThat(jmx.getAttribute(network(), "Active")).isEqualTo(false);
    assertThat(jmx.getAttribute(network(), "ForwardMode")).isEqualTo("bridge");
    assertThat(jmx.getAttribute(network(), "Bridge")).isEqualTo("virtmxbr0");
  }

  @Test
  @Order(2)
  void poolStartIsSeenByVirshTheMBeanAndItsListeners() throws Exception {
    POOL_EVENTS.clear();
    assertThat(invoke(pool(), "start", new Object[0], new String[0])).isNull();
    assertThat(info("pool-info", POOL, "State")).isEqualTo("running");
    attribute(pool(), "State", "running");
    attribute(pool(), "Active", true);
    Notification started = received(POOL_EVENTS, "libvirt.pool.lifecycle.started", n -> true);
    assertThat(started.getMessage()).startsWith("pool " + POOL + " on " + host + ": started");
    received(
        POOL_EVENTS,
        AttributeChangeNotification.ATTRIBUTE_CHANGE,
        change("State", "inactive", "running"));
  }

  @Test
  @Order(3)
  void volumeIsCreatedResizedAndDeleted() throws Exception {
    String path =
        (String)
            invoke(
                pool(),
                "createVolume",
                new Object[] {"v1.img", MIB, "raw"},
                new String[] {"java.lang.String", "long", "java.lang.String"});
    assertThat(path).isEqualTo(dir.resolve("pool").resolve("v1.img").toString());
    await(() -> jmx.isRegistered(volume("v1.img")), Boolean::booleanValue, "the volume MBean");
    assertThat(volumeCapacity("v1.img")).isEqualTo(MIB);
    assertThat(jmx.getAttribute(volume("v1.img"), "CapacityBytes")).isEqualTo(MIB);
    assertThat(jmx.getAttribute(volume("v1.img"), "Path")).isEqualTo(path);
    assertThat((String[]) jmx.getAttribute(pool(), "Volumes")).containsExactly("v1.img");

    assertThat(invoke(volume("v1.img"), "resize", new Object[] {2 * MIB}, new String[] {"long"}))
        .isNull();
    assertThat(volumeCapacity("v1.img")).isEqualTo(2 * MIB);
    attribute(volume("v1.img"), "CapacityBytes", 2 * MIB);

    assertThat(invoke(volume("v1.img"), "delete", new Object[0], new String[0])).isNull();
    await(() -> jmx.isRegistered(volume("v1.img")), r -> !r, "the volume MBean gone");
    assertThat(TestBed.virsh("-c", URI, "vol-list", POOL)).doesNotContain("v1.img");
    assertThat(jmx.getAttribute(pool(), "VolumeCount")).isEqualTo(0);
  }

  @Test
  @Order(4)
  void poolAutostartAndStop() throws Exception {
    autostartOn(pool(), "pool-info", POOL);

    POOL_EVENTS.clear();
    assertThat(invoke(pool(), "stop", new Object[0], new String[0])).isNull();
    assertThat(info("pool-info", POOL, "State")).isEqualTo("inactive");
    attribute(pool(), "State", "inactive");
    received(POOL_EVENTS, "libvirt.pool.lifecycle.stopped", n -> true);
    received(
        POOL_EVENTS,
        AttributeChangeNotification.ATTRIBUTE_CHANGE,
        change("State", "running", "inactive"));
  }

  @Test
  @Order(5)
  void networkStartAutostartAndStop() throws Exception {
    NET_EVENTS.clear();
    assertThat(invoke(network(), "start", new Object[0], new String[0])).isNull();
    assertThat(info("net-info", NET, "Active")).isEqualTo("yes");
    attribute(network(), "Active", true);
    Notification started = received(NET_EVENTS, "libvirt.network.lifecycle.started", n -> true);
    assertThat(started.getMessage()).startsWith("network " + NET + " on " + host + ": started");
    received(
        NET_EVENTS, AttributeChangeNotification.ATTRIBUTE_CHANGE, change("Active", false, true));

    autostartOn(network(), "net-info", NET);

    NET_EVENTS.clear();
    assertThat(invoke(network(), "stop", new Object[0], new String[0])).isNull();
    assertThat(info("net-info", NET, "Active")).isEqualTo("no");
    attribute(network(), "Active", false);
    received(NET_EVENTS, "libvirt.network.lifecycle.stopped", n -> true);
    received(
        NET_EVENTS, AttributeChangeNotification.ATTRIBUTE_CHANGE, change("Active", true, false));
  }
}
