/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.Agent;
import io.virtmx.config.AgentConfig;
import io.virtmx.config.HostSpec;
import io.virtmx.security.Authenticator;
import io.virtmx.testbed.Await;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JMX view in this JVM against libvirt's in-process test driver (host "h1": domain test, pool,
 * network).
 */
class JmxViewTest {
  private static final MBeanServer MBS = ManagementFactory.getPlatformMBeanServer();
  private static Agent agent;
  private static JmxView view;

  @BeforeAll
  static void start() throws Exception {
    agent =
        new Agent(
            new AgentConfig(
                List.of(HostSpec.parse("h1=test:///default")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                false,
                2,
                Map.of()));
    agent.open(false);
    agent.start();
    view = new JmxView(agent.snapshots(), agent.operations(), null, Authenticator.none());
    view.start();
    awaitRegistered(ObjectNames.domain("h1", "test"));
    awaitRegistered(ObjectNames.network("h1", "default"));
  }

  @AfterAll
  static void stop() {
    view.close();
    agent.close();
  }

  static void awaitRegistered(ObjectName name) {
    Await.until(name + " registered", () -> MBS.isRegistered(name), Duration.ofSeconds(10));
  }

  @Test
  void registersEveryObjectOfTheHost() throws Exception {
    assertThat(MBS.queryNames(new ObjectName("libvirt:host=h1,*"), null))
        .contains(
            ObjectNames.host("h1"),
            ObjectNames.domain("h1", "test"),
            ObjectNames.pool("h1", "default-pool"),
            ObjectNames.network("h1", "default"));
    ObjectName domain = ObjectNames.domain("h1", "test");
    assertThat(MBS.getAttribute(domain, "Name")).isEqualTo("test");
    assertThat(MBS.getAttribute(domain, "Uuid")).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
    assertThat(MBS.getAttribute(ObjectNames.host("h1"), "HypervisorType")).isEqualTo("TEST");
    assertThat(MBS.getAttribute(ObjectNames.host("h1"), "Up")).isEqualTo(true);
  }

  @Test
  void theHostMBeanSaysHowEachCollectorDid() throws Exception {
    var success =
        (javax.management.openmbean.TabularData)
            MBS.getAttribute(ObjectNames.host("h1"), "CollectorSuccess");
    var durations =
        (javax.management.openmbean.TabularData)
            MBS.getAttribute(ObjectNames.host("h1"), "CollectorDurationSeconds");
    Map<Object, Object> ok = new java.util.TreeMap<>();
    for (Object row : success.values()) {
      var c = (javax.management.openmbean.CompositeData) row;
      ok.put(c.get("key"), c.get("value"));
    }
    assertThat(ok)
        .isEqualTo(
            Map.of(
                "node", true, "domains", true, "pools", true, "networks", true, "numa", true,
                "capabilities", true, "interfaces", true, "nodedevices", true, "nwfilters", true,
                "secrets", true));
    for (Object row : durations.values()) {
      assertThat((Double) ((javax.management.openmbean.CompositeData) row).get("value"))
          .isPositive();
    }
    assertThat(durations.size()).isEqualTo(10);
  }

  /** The remote access guard refuses every attribute write: it must lose nothing by that. */
  @Test
  void noAttributeIsWritable() throws Exception {
    var names = MBS.queryNames(new ObjectName("libvirt:host=h1,*"), null);
    assertThat(names).isNotEmpty();
    for (ObjectName name : names) {
      assertThat(MBS.getMBeanInfo(name).getAttributes())
          .as(name.toString())
          .noneMatch(javax.management.MBeanAttributeInfo::isWritable);
    }
  }

  @Test
  void everyMemberIsDocumentedWithRealParameterNamesAndUnits() throws Exception {
    for (ObjectName name : MBS.queryNames(new ObjectName("libvirt:*"), null)) {
      var info = MBS.getMBeanInfo(name);
      assertThat(info.getDescription()).isNotBlank();
      for (var a : info.getAttributes()) {
        assertThat(a.getDescription())
            .as(name + " " + a.getName())
            .isNotBlank()
            .isNotEqualTo(a.getName());
      }
      for (var o : info.getOperations()) {
        assertThat(o.getDescription())
            .as(name + " " + o.getName())
            .isNotBlank()
            .isNotEqualTo(o.getName());
        for (var p : o.getSignature()) {
          assertThat(p.getName()).doesNotMatch("p\\d+");
          assertThat(p.getDescription()).isNotBlank();
        }
      }
    }
    var domain = MBS.getMBeanInfo(ObjectNames.domain("h1", "test"));
    var memory =
        List.of(domain.getAttributes()).stream()
            .filter(a -> a.getName().equals("MemoryKib"))
            .findFirst();
    assertThat(memory.orElseThrow().getDescriptor().getFieldValue("units")).isEqualTo("KiB");
    var setMemory =
        List.of(domain.getOperations()).stream()
            .filter(o -> o.getName().equals("setMemory"))
            .findFirst()
            .orElseThrow();
    assertThat(setMemory.getSignature()[0].getName()).isEqualTo("kib");
    assertThat(setMemory.getImpact()).isEqualTo(javax.management.MBeanOperationInfo.ACTION);
    var xml =
        List.of(domain.getOperations()).stream()
            .filter(o -> o.getName().equals("getXmlDescription"))
            .findFirst()
            .orElseThrow();
    assertThat(xml.getImpact()).isEqualTo(javax.management.MBeanOperationInfo.INFO);
    assertThat(List.of(domain.getAttributes()))
        .noneMatch(a -> a.getName().equals("XmlDescription"));
  }

  @Test
  void localOperationsReachLibvirtAndFailuresCarryLibvirtsMessage() throws Exception {
    ObjectName domain = ObjectNames.domain("h1", "test");
    String xml = (String) MBS.invoke(domain, "getXmlDescription", new Object[0], new String[0]);
    assertThat(xml).contains("<name>test</name>");
    assertThatThrownBy(() -> MBS.invoke(domain, "resume", new Object[0], new String[0]))
        .isInstanceOf(MBeanException.class)
        .hasMessage("domain 'test' is running: cannot resume it")
        .cause()
        .isExactlyInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> MBS.invoke(domain, "setMemory", new Object[] {1L << 40}, new String[] {"long"}))
        .isInstanceOf(MBeanException.class)
        .hasMessage("invalid argument: cannot set memory higher than max memory");
    assertThatThrownBy(
            () -> MBS.invoke(domain, "setMemory", new Object[] {-1L}, new String[] {"long"}))
        .isInstanceOf(MBeanException.class)
        .hasMessage("memory must be positive, got -1");
  }

  @Test
  void quotesIllegalCharactersInsteadOfDroppingThem() {
    assertThat(ObjectNames.domain("hv:1", "db,primary").toString())
        .isEqualTo("libvirt:type=Domain,host=\"hv:1\",name=\"db,primary\"");
    assertThat(ObjectNames.domain("hv1", "web-01.example").toString())
        .isEqualTo("libvirt:type=Domain,host=hv1,name=web-01.example");
  }
}
