/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoleRestrictorTest {
  /** A stand-in libvirt MBean with one attribute and one operation. */
  public interface ThingMBean {
    String getState();

    void suspend();
  }

  private MBeanServer server;
  private RoleRestrictor restrictor;
  private final ObjectName domain = name("libvirt:type=Domain,host=h,name=d");

  @BeforeEach
  void setUp() throws Exception {
    server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(
        new StandardMBean(
            new ThingMBean() {
              @Override
              public String getState() {
                return "running";
              }

              @Override
              public void suspend() {}
            },
            ThingMBean.class),
        domain);
    restrictor = new RoleRestrictor(server, List.of("https://console.example.com"));
  }

  @AfterEach
  void tearDown() {
    Client.clear();
  }

  private static ObjectName name(String n) {
    try {
      return new ObjectName(n);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void as(Role role) {
    Client.set(new Client(new RolePrincipal("u", role, "jolokia", false), "http://127.0.0.1:8778"));
  }

  @Test
  void operatorsExecOnlyExposedLibvirtOperations() {
    as(Role.OPERATOR);
    assertThat(restrictor.isOperationAllowed(domain, "suspend")).isTrue();
    assertThat(restrictor.isOperationAllowed(domain, "suspend()")).isTrue();
    assertThat(restrictor.isOperationAllowed(domain, "getState")).isFalse();
    assertThat(restrictor.isOperationAllowed(name("libvirt:type=Domain,*"), "suspend")).isFalse();
    assertThat(restrictor.isOperationAllowed(name("java.lang:type=Memory"), "gc")).isFalse();
    assertThat(
            restrictor.isOperationAllowed(
                name("com.sun.management:type=DiagnosticCommand"), "vmVersion"))
        .isFalse();
    assertThat(restrictor.isAttributeWriteAllowed(domain, "State")).isFalse();
  }

  @Test
  void viewersReadButNeverExec() {
    as(Role.VIEWER);
    assertThat(restrictor.isOperationAllowed(domain, "suspend")).isFalse();
    assertThat(restrictor.isAttributeReadAllowed(domain, "State")).isTrue();
    assertThat(restrictor.isAttributeReadAllowed(name("java.lang:type=Runtime"), "Uptime"))
        .isTrue();
    assertThat(
            restrictor.isAttributeReadAllowed(
                name("com.sun.management:type=HotSpotDiagnostic"), "DiagnosticOptions"))
        .isFalse();
    assertThat(restrictor.isObjectNameHidden(name("jdk.management.jfr:type=FlightRecorder")))
        .isTrue();
    assertThat(restrictor.isObjectNameHidden(domain)).isFalse();
  }

  @Test
  void onlyOperatorsReadTheCommandLineSystemPropertiesAndPaths() {
    ObjectName runtime = name("java.lang:type=Runtime");
    List<String> secret =
        List.of("SystemProperties", "InputArguments", "ClassPath", "BootClassPath", "LibraryPath");
    as(Role.VIEWER);
    for (String attribute : secret) {
      assertThat(restrictor.isAttributeReadAllowed(runtime, attribute)).as(attribute).isFalse();
    }
    assertThat(restrictor.isAttributeReadAllowed(runtime, "VmName")).isTrue();
    assertThat(restrictor.isAttributeReadAllowed(name("java.lang:type=Memory"), "HeapMemoryUsage"))
        .isTrue();
    as(Role.OPERATOR);
    for (String attribute : secret) {
      assertThat(restrictor.isAttributeReadAllowed(runtime, attribute)).as(attribute).isTrue();
    }
    Client.clear(); // outside a request: the anonymous viewer
    assertThat(restrictor.isAttributeReadAllowed(runtime, "InputArguments")).isFalse();
  }

  @Test
  void policyAllowsOnlyTheShippedCommandsAndMethods() {
    as(Role.OPERATOR);
    for (RequestType t :
        List.of(
            RequestType.READ,
            RequestType.LIST,
            RequestType.SEARCH,
            RequestType.VERSION,
            RequestType.EXEC)) {
      assertThat(restrictor.isTypeAllowed(t)).as(t.getName()).isTrue();
    }
    for (RequestType t : List.of(RequestType.WRITE, RequestType.NOTIFICATION, RequestType.CONFIG)) {
      assertThat(restrictor.isTypeAllowed(t)).as(t.getName()).isFalse();
    }
    assertThat(restrictor.isHttpMethodAllowed(HttpMethod.GET)).isTrue();
    assertThat(restrictor.isHttpMethodAllowed(HttpMethod.POST)).isTrue();
  }

  @Test
  void originsAreSameOriginOrConfigured() {
    as(Role.VIEWER);
    assertThat(restrictor.isOriginAllowed(null, true)).isTrue();
    assertThat(restrictor.isOriginAllowed("http://127.0.0.1:8778", true)).isTrue();
    assertThat(restrictor.isOriginAllowed("https://console.example.com", true)).isTrue();
    assertThat(restrictor.isOriginAllowed("http://evil.example", true)).isFalse();
    assertThat(restrictor.isOriginAllowed("null", false)).isFalse();
  }
}
