/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerFactory;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.Query;
import javax.management.StandardMBean;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote access guard in front of an MBean server holding the JVM's platform MXBeans and a
 * stand-in libvirt MBean, called as the operator alice, the viewer bob and the connector itself (no
 * Subject).
 */
class RemoteAccessGuardTest {
  /** A stand-in libvirt MBean: one attribute, one operation. */
  public interface ThingMBean {
    String getState();

    void suspend();
  }

  private static final ObjectName DOMAIN = name("libvirt:type=Domain,host=h,name=d");
  private static final ObjectName RUNTIME = name(ManagementFactory.RUNTIME_MXBEAN_NAME);
  private static final ObjectName MEMORY = name(ManagementFactory.MEMORY_MXBEAN_NAME);
  private static final ObjectName HOTSPOT = name("com.sun.management:type=HotSpotDiagnostic");

  private final AtomicInteger suspended = new AtomicInteger();
  private MBeanServer server;
  private MBeanServerForwarder guard;

  @BeforeEach
  void setUp() throws Exception {
    server = MBeanServerFactory.newMBeanServer();
    for (Class<? extends PlatformManagedObject> type :
        ManagementFactory.getPlatformManagementInterfaces()) {
      for (PlatformManagedObject mx : ManagementFactory.getPlatformMXBeans(type)) {
        if (!server.isRegistered(mx.getObjectName())) {
          server.registerMBean(mx, mx.getObjectName());
        }
      }
    }
    ThingMBean thing =
        new ThingMBean() {
          @Override
          public String getState() {
            return "running";
          }

          @Override
          public void suspend() {
            suspended.incrementAndGet();
          }
        };
    server.registerMBean(new StandardMBean(thing, ThingMBean.class), DOMAIN);
    guard = RemoteAccessGuard.create();
    guard.setMBeanServer(server);
  }

  private static ObjectName name(String n) {
    try {
      return new ObjectName(n);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static <T> T as(Role role, PrivilegedExceptionAction<T> call) throws Exception {
    String user = role == Role.OPERATOR ? "alice" : "bob";
    Subject subject =
        new Subject(true, Set.of(new RolePrincipal(user, role, "jmx", false)), Set.of(), Set.of());
    try {
      return Subject.doAs(subject, call);
    } catch (java.security.PrivilegedActionException e) {
      throw e.getException();
    }
  }

  /** {@code MBeanServer.deserialize}, called without naming the deprecated method. */
  private static Object deserialize(MBeanServer server) throws Exception {
    try {
      return MBeanServer.class
          .getMethod("deserialize", String.class, byte[].class)
          .invoke(server, "java.util.HashMap", new byte[0]);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  /** How the audit and the refusals name the user of that role. */
  private static String who(Role role) {
    return role == Role.OPERATOR ? "user 'alice' (operator)" : "user 'bob' (viewer)";
  }

  /** The call is refused with "user 'NAME' (ROLE)" and then {@code message}. */
  private static void refused(Role role, PrivilegedExceptionAction<?> call, String message) {
    assertThatThrownBy(() -> as(role, call))
        .isInstanceOf(SecurityException.class)
        .hasMessage(who(role) + message);
  }

  @Test
  void nobodyCreatesRegistersOrUnregistersMBeans() throws Exception {
    for (Role role : Role.values()) {
      refused(
          role,
          () -> guard.createMBean("javax.management.loading.MLet", name("x:type=MLet")),
          " may not create MBean javax.management.loading.MLet over remote JMX");
      refused(
          role,
          () -> guard.createMBean("javax.management.loading.MLet", null, name("x:type=L")),
          " may not create MBean javax.management.loading.MLet over remote JMX");
      refused(
          role,
          () -> guard.registerMBean(new Object(), name("x:type=Y")),
          " may not register MBeans over remote JMX");
      refused(
          role,
          () -> {
            guard.unregisterMBean(MEMORY);
            return null;
          },
          " may not unregister java.lang:type=Memory over remote JMX");
      refused(
          role,
          () -> guard.instantiate("java.lang.ProcessBuilder"),
          " may not instantiate java.lang.ProcessBuilder over remote JMX");
      refused(role, () -> deserialize(guard), " may not deserialize objects over remote JMX");
      refused(
          role,
          () -> guard.getClassLoader(name("x:type=MLet")),
          " may not use the class loader x:type=MLet over remote JMX");
      refused(
          role,
          () -> guard.getClassLoaderFor(DOMAIN),
          " may not getClassLoaderFor over remote JMX");
      refused(
          role,
          guard::getClassLoaderRepository,
          " may not getClassLoaderRepository over remote JMX");
    }
    assertThat(server.isRegistered(MEMORY)).isTrue();
    assertThat(server.queryNames(name("x:*"), null)).isEmpty();
  }

  @Test
  void nobodyWritesAttributes() throws Exception {
    for (Role role : Role.values()) {
      refused(
          role,
          () -> {
            guard.setAttribute(MEMORY, new Attribute("Verbose", true));
            return null;
          },
          " may not set attributes of java.lang:type=Memory (no attribute is writable)"
              + " over remote JMX");
      refused(
          role,
          () -> guard.setAttributes(DOMAIN, new AttributeList(List.of(new Attribute("State", "")))),
          " may not set attributes of "
              + DOMAIN
              + " (no attribute is writable)"
              + " over remote JMX");
    }
    assertThat(server.getAttribute(MEMORY, "Verbose")).isEqualTo(false);
  }

  @Test
  void nobodyInvokesOperationsOutsideLibvirt(@TempDir Path dir) throws Exception {
    Path heap = dir.resolve("heap.hprof");
    Object[][] calls = {
      {"com.sun.management:type=DiagnosticCommand", "vmSystemProperties", new Object[0]},
      {"com.sun.management:type=DiagnosticCommand", "jvmtiAgentLoad", new Object[0]},
      {HOTSPOT.toString(), "dumpHeap", new Object[] {heap.toString(), true}},
      {"jdk.management.jfr:type=FlightRecorder", "newRecording", new Object[0]},
      {"java.lang:type=Memory", "gc", new Object[0]},
      {"java.util.logging:type=Logging", "setLoggerLevel", new Object[] {"", "FINEST"}},
      {"javax.management.loading:type=MLet", "getMBeansFromURL", new Object[] {"http://x/"}},
    };
    for (Role role : Role.values()) {
      for (Object[] c : calls) {
        refused(
            role,
            () -> guard.invoke(name((String) c[0]), (String) c[1], (Object[]) c[2], null),
            " may not invoke "
                + c[1]
                + " on "
                + c[0]
                + " (only libvirt:* operations) over remote JMX");
      }
    }
    assertThat(Files.exists(heap)).isFalse();
  }

  @Test
  void libvirtOperationsReachTheMBeanForEveryRole() throws Exception {
    as(Role.OPERATOR, () -> guard.invoke(DOMAIN, "suspend", null, null));
    // a viewer's call reaches the MBean too: the operations service refuses it there, with its own
    // message and audit line
    as(Role.VIEWER, () -> guard.invoke(DOMAIN, "suspend", null, null));
    assertThat(suspended).hasValue(2);
  }

  @Test
  void operatorsSeeAndReadEverything() throws Exception {
    assertThat(as(Role.OPERATOR, () -> guard.queryNames(null, null)))
        .isEqualTo(server.queryNames(null, null));
    assertThat(as(Role.OPERATOR, guard::getMBeanCount)).isEqualTo(server.getMBeanCount());
    assertThat(as(Role.OPERATOR, guard::getDomains)).containsExactlyInAnyOrder(server.getDomains());
    assertThat(as(Role.OPERATOR, () -> guard.isRegistered(HOTSPOT))).isTrue();
    assertThat(as(Role.OPERATOR, () -> guard.getAttribute(RUNTIME, "InputArguments")))
        .isEqualTo(server.getAttribute(RUNTIME, "InputArguments"));
    assertThat(as(Role.OPERATOR, () -> guard.getAttribute(HOTSPOT, "DiagnosticOptions")))
        .isNotNull();
    AttributeList all =
        as(Role.OPERATOR, () -> guard.getAttributes(RUNTIME, new String[] {"VmName", "ClassPath"}));
    assertThat(all.asList()).extracting(Attribute::getName).containsExactly("VmName", "ClassPath");
  }

  @Test
  void viewersSeeOnlyLibvirtJavaLangAndTheDelegate() throws Exception {
    Set<ObjectName> names = as(Role.VIEWER, () -> guard.queryNames(null, null));
    Set<String> domains = new TreeSet<>();
    names.forEach(n -> domains.add(n.getDomain()));
    assertThat(domains).containsExactly("JMImplementation", "java.lang", "libvirt");
    assertThat(names)
        .contains(DOMAIN, RUNTIME, MEMORY, MBeanServerDelegate.DELEGATE_NAME)
        .doesNotContain(HOTSPOT);
    assertThat(as(Role.VIEWER, guard::getDomains)).containsExactlyElementsOf(domains);
    assertThat(as(Role.VIEWER, guard::getMBeanCount)).isEqualTo(names.size());
    assertThat(server.getMBeanCount()).isGreaterThan(names.size());
    assertThat(as(Role.VIEWER, () -> guard.queryMBeans(name("*:type=HotSpotDiagnostic"), null)))
        .isEmpty();
    assertThat(as(Role.VIEWER, () -> guard.queryMBeans(name("java.lang:type=Memory"), null)))
        .extracting(ObjectInstance::getObjectName)
        .containsExactly(MEMORY);
    // JConsole asks isRegistered while connecting: hidden MBeans are absent, not an error
    assertThat(as(Role.VIEWER, () -> guard.isRegistered(HOTSPOT))).isFalse();
    assertThat(as(Role.VIEWER, () -> guard.isRegistered(MEMORY))).isTrue();
    refused(
        Role.VIEWER,
        () -> guard.getMBeanInfo(HOTSPOT),
        " may not call getMBeanInfo on " + HOTSPOT + " over remote JMX");
    refused(
        Role.VIEWER,
        () -> guard.getAttribute(HOTSPOT, "DiagnosticOptions"),
        " may not read attribute DiagnosticOptions of " + HOTSPOT + " over remote JMX");
    refused(
        Role.VIEWER,
        () -> {
          guard.addNotificationListener(HOTSPOT, (n, h) -> {}, null, null);
          return null;
        },
        " may not call addNotificationListener on " + HOTSPOT + " over remote JMX");
    as(
        Role.VIEWER,
        () -> {
          guard.addNotificationListener(
              MBeanServerDelegate.DELEGATE_NAME, (n, h) -> {}, null, null);
          return null;
        });
    assertThat(as(Role.VIEWER, () -> guard.getAttribute(DOMAIN, "State"))).isEqualTo("running");
    assertThat(as(Role.VIEWER, () -> guard.getMBeanInfo(DOMAIN).getOperations())).hasSize(1);
  }

  @Test
  void viewersNeverReadTheCommandLineSystemPropertiesOrPaths() throws Exception {
    for (String attribute :
        List.of(
            "SystemProperties", "InputArguments", "ClassPath", "BootClassPath", "LibraryPath")) {
      refused(
          Role.VIEWER,
          () -> guard.getAttribute(RUNTIME, attribute),
          " may not read attribute " + attribute + " of java.lang:type=Runtime over remote JMX");
    }
    assertThat(as(Role.VIEWER, () -> guard.getAttribute(RUNTIME, "VmName")))
        .isEqualTo(System.getProperty("java.vm.name"));
    AttributeList some =
        as(
            Role.VIEWER,
            () ->
                guard.getAttributes(
                    RUNTIME,
                    new String[] {"VmName", "InputArguments", "SystemProperties", "Uptime"}));
    assertThat(some.asList()).extracting(Attribute::getName).containsExactly("VmName", "Uptime");
  }

  @Test
  void aViewersQueryCannotTestWhatItMayNotRead() throws Exception {
    var classPathSet = Query.match(Query.attr("ClassPath"), Query.value("*"));
    assertThat(as(Role.VIEWER, () -> guard.queryNames(RUNTIME, classPathSet))).isEmpty();
    assertThat(as(Role.OPERATOR, () -> guard.queryNames(RUNTIME, classPathSet)))
        .containsExactly(RUNTIME);
    var vmNameSet = Query.match(Query.attr("VmName"), Query.value("*"));
    assertThat(as(Role.VIEWER, () -> guard.queryNames(name("java.lang:*"), vmNameSet)))
        .containsExactly(RUNTIME);
  }

  @Test
  void theConnectorItselfGetsClassLoadersButNeverCreates() throws Exception {
    // no Subject: the connector finding the loader for a client's parameters
    assertThat(guard.getClassLoaderFor(DOMAIN)).isSameAs(server.getClassLoaderFor(DOMAIN));
    assertThat(guard.getClassLoaderRepository()).isSameAs(server.getClassLoaderRepository());
    assertThatThrownBy(() -> guard.createMBean("javax.management.loading.MLet", name("x:type=M")))
        .isInstanceOf(SecurityException.class)
        .hasMessage(
            "the JMX connector may not create MBean javax.management.loading.MLet over remote JMX");
    assertThatThrownBy(() -> guard.getClassLoader(name("x:type=M")))
        .isInstanceOf(SecurityException.class);
  }

  @Test
  void mbeansAsListenersAreRefused() {
    refused(
        Role.OPERATOR,
        () -> {
          guard.addNotificationListener(DOMAIN, MEMORY, null, null);
          return null;
        },
        " may not use MBean java.lang:type=Memory as a notification" + " listener over remote JMX");
  }
}
