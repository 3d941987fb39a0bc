/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.security.AuditCapture;
import io.virtmx.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guest interfaces plug only into bridges libvirt networks made, against the test driver (networks
 * {@code default} on virbr0, {@code isolated} on virbr1, and ours on the host bridge br0 in bridge
 * mode): attachInterface, device XML (attach, update) and domain definitions naming br0 or no bridge
 * are refused naming the rule and audited, virbr0 passes the rule; direct and ethernet interfaces
 * stay refused by the element checks.
 */
class InterfaceBridgesTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "test");
  private static final String VM = "testvm-0001";
  private static final String RULE = "only bridges libvirt networks made may be used";
  private static final String NOT_MADE =
      "interface bridge 'br0' is not the bridge of a libvirt network of this host (virbr0, virbr1): "
          + RULE;

  @TempDir Path dir;
  private NativeConnect conn;
  private Operations ops;

  @BeforeEach
  void open() throws Exception {
    conn =
        OneHost.testNode(dir);
    conn.networkDefineXML(
            "<network><name>vmx-leftovers2-onbr0</name><forward mode='bridge'/>"
                + "<bridge name='br0'/></network>")
        .free();
    Path diskDir = Files.createDirectory(dir.resolve("disks"));
    ops = new Operations(hosts(), false, ConfinedPaths.none("--save-dir"),
        ConfinedPaths.of("--disk-dir", List.of(diskDir)));
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private HostConnections hosts() {
    return OneHost.of(conn);
  }

  private String xml() throws Exception {
    return conn.domainLookupByName(VM).getXMLDesc(0);
  }

  private static String nic(String source) {
    return "<interface type='bridge'>" + source + "<model type='virtio'/></interface>";
  }

  @Test
  void aHostBridgeNoLibvirtNetworkMadeIsRefusedInEveryHotPlugPath() throws Exception {
    String before = xml();
    DeviceOperations d = ops.devices();
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(() -> d.attachInterface(OPERATOR, "h", VM, "bridge", "br0", "", "", "live"))
          .hasMessage(NOT_MADE);
      assertThatThrownBy(() -> d.attachDevice(OPERATOR, "h", VM, nic("<source bridge='br0'/>"), "live"))
          .hasMessage(NOT_MADE);
      assertThatThrownBy(() -> d.updateDevice(OPERATOR, "h", VM, nic("<source bridge='br0'/>"), "live"))
          .hasMessage(NOT_MADE);
      assertThatThrownBy(() -> d.attachDevice(OPERATOR, "h", VM, nic(""), "config"))
          .hasMessageStartingWith("interface bridge '' is not the bridge of a libvirt network");
      assertThat(audit.lines())
          .hasSize(4)
          .allSatisfy(l -> assertThat(l).contains("result=refused").contains(RULE));
    }
    assertThat(xml()).isEqualTo(before);
    Throwable made =
        catchThrowable(() -> d.attachInterface(OPERATOR, "h", VM, "bridge", "virbr0", "", "", "config"));
    assertThat(String.valueOf(made)).doesNotContain(RULE);
  }

  @Test
  void aDefinitionOnAHostBridgeIsRefusedAndOneOnANetworksBridgeIsDefined() throws Exception {
    String domain =
        "<domain type='test'><name>vmx-leftovers2-nic</name><memory>1048576</memory><os><type>hvm"
            + "</type></os><devices>%s</devices></domain>";
    assertThatThrownBy(
            () -> ops.domains().define(OPERATOR, "h", domain.formatted(nic("<source bridge='br0'/>"))))
        .hasMessage(NOT_MADE);
    assertThat(List.of(conn.listDefinedDomains())).doesNotContain("vmx-leftovers2-nic");
    assertThat(ops.domains().define(OPERATOR, "h", domain.formatted(nic("<source bridge='virbr1'/>"))))
        .isEqualTo("vmx-leftovers2-nic");
  }

  @Test
  void directAndEthernetInterfacesStayRefusedByTheElementChecks() {
    String domain =
        "<domain type='test'><name>vmx-leftovers2-tap</name><memory>1048576</memory><os><type>hvm"
            + "</type></os><devices>%s</devices></domain>";
    String direct = "<interface type='direct'><source dev='eth0' mode='bridge'/></interface>";
    String ethernet = "<interface type='ethernet'><target dev='tap9'/></interface>";
    for (String nic : List.of(direct, ethernet)) {
      String type = nic.contains("direct") ? "direct" : "ethernet";
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain.formatted(nic)))
          .hasMessage("domain XML: <interface type='" + type + "'> is not allowed: only network, bridge");
      assertThatThrownBy(() -> ops.devices().attachDevice(OPERATOR, "h", VM, nic, "config"))
          .hasMessage("a <interface> from XML must have type network, bridge");
      assertThatThrownBy(() -> ops.devices().attachInterface(OPERATOR, "h", VM, type, "eth0", "", "", ""))
          .hasMessage("unknown interface type '" + type + "' (use one of bridge, network)");
    }
  }
}
