/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.security.AuditCapture;
import io.virtmx.security.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a created network may sit: subnets overlapping a host interface or a libvirt network, and
 * forward devices that are not bridges libvirt networks made, are refused (pure checks, then
 * createNetwork against the test driver's networks {@code default} 192.168.122.1/24 on virbr0 and
 * {@code isolated} 10.77.0.1/16 on virbr1, and the JVM's own loopback).
 */
class NetworkPlacementTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "test");

  @TempDir Path dir;

  private static NetworkPlacement.Subnet subnet(String address, String netmask) {
    return NetworkPlacement.subnet("x", address, netmask);
  }

  @Test
  void subnetsOverlapWhenTheirCommonPrefixIsEqual() {
    NetworkPlacement.Subnet bed = subnet("198.18.0.1", "255.255.254.0");
    assertThat(subnet("198.18.1.254", "255.255.255.0").overlaps(bed)).isTrue();
    assertThat(subnet("198.18.2.1", "255.255.255.0").overlaps(bed)).isFalse();
    assertThat(subnet("198.18.0.0", "255.254.0.0").overlaps(bed)).isTrue();
    assertThat(subnet("198.19.240.129", "255.255.255.128").overlaps(subnet("198.19.240.1", "255.255.255.0")))
        .isTrue();
    assertThat(bed.text()).isEqualTo("198.18.0.1/23");
    assertThatThrownBy(() -> subnet("198.18.0.1", "255.0.255.0"))
        .hasMessage("netmask 255.0.255.0 is not a contiguous netmask");
    for (String bad : new String[] {"a.b.c.d", "198.18.0.300", "198.18.0", "1.2.3.4.5", "-1.2.3.4"}) {
      assertThatThrownBy(() -> subnet(bad, "255.255.255.0"))
          .isInstanceOf(OperationException.class)
          .hasMessage("'" + bad + "' is not an IPv4 address");
    }
    assertThat(
            NetworkPlacement.overlap(
                subnet("198.18.1.254", "255.255.255.0"),
                List.of(new NetworkPlacement.Subnet("host interface vmxtb0", bed.address(), 23))))
        .isEqualTo(
            "network 198.18.1.254/24 overlaps 198.18.0.1/23 of host interface vmxtb0: choose a"
                + " range no host interface or libvirt network uses");
  }

  @Test
  void onlyBridgesLibvirtNetworksMadeAreForwardDevices() {
    assertThat(NetworkPlacement.deviceRefusal("virbr0", Set.of("virbr0"))).isNull();
    assertThat(NetworkPlacement.deviceRefusal("eth0", Set.of("virbr0")))
        .isEqualTo(
            "forward device 'eth0' is not the bridge of a libvirt network of this host (virbr0):"
                + " only bridges libvirt networks made may be used");
    String bridged = "<network><name>b</name><forward mode='bridge'/><bridge name='br0'/></network>";
    assertThat(NetworkPlacement.madeBridge(NetworkPlacement.parse(bridged))).isNull();
    String nat = "<network><name>n</name><forward/><bridge name='virbr7'/></network>";
    assertThat(NetworkPlacement.madeBridge(NetworkPlacement.parse(nat))).isEqualTo("virbr7");
    String isolated =
        "<network><name>i</name><bridge name='virbr8'/><ip address='198.19.240.1' prefix='24'/>"
            + "<ip family='ipv6' address='fd00::1' prefix='64'/></network>";
    assertThat(NetworkPlacement.madeBridge(NetworkPlacement.parse(isolated))).isEqualTo("virbr8");
    assertThat(NetworkPlacement.networkSubnets(NetworkPlacement.parse(isolated)))
        .singleElement()
        .satisfies(s -> assertThat(s.owner() + " " + s.text()).isEqualTo("libvirt network i 198.19.240.1/24"));
  }

  @Test
  void createNetworkRefusesHostInterfacesAndTakenRangesBeforeLibvirt() throws Exception {
    NativeConnect conn =
        OneHost.testNode(dir);
    try (AuditCapture audit = new AuditCapture()) {
      Definitions d = operations(conn).definitions();
      Definitions.Forward none = Definitions.Forward.NONE;
      Definitions.Forward bridge = Definitions.Forward.BRIDGE;
      assertThatThrownBy(() -> d.createNetwork(OPERATOR, "h", "vmx-n1", bridge, "lo", null, null, null, null))
          .hasMessageStartingWith("forward device 'lo' is not the bridge of a libvirt network of this host (virbr0, virbr1)");
      assertThatThrownBy(
              () -> d.createNetwork(OPERATOR, "h", "vmx-n1", Definitions.Forward.NAT, "lo", "198.19.250.1", "255.255.255.0", null, null))
          .hasMessageStartingWith("forward device 'lo' is not the bridge");
      assertThatThrownBy(
              () -> d.createNetwork(OPERATOR, "h", "vmx-n1", none, "", "10.77.5.1", "255.255.255.0", null, null))
          .hasMessage(
              "network 10.77.5.1/24 overlaps 10.77.0.1/16 of libvirt network isolated: choose a range"
                  + " no host interface or libvirt network uses");
      assertThatThrownBy(
              () -> d.createNetwork(OPERATOR, "h", "vmx-n1", none, "", "127.1.0.1", "255.255.0.0", null, null))
          .hasMessageStartingWith("network 127.1.0.1/16 overlaps 127.0.0.1/8 of host interface lo");
      assertThat(audit.lines()).hasSize(4).allSatisfy(l -> assertThat(l).contains("result=refused"));
      assertThat(List.of(conn.listDefinedNetworks())).doesNotContain("vmx-n1");
      assertThat(List.of(conn.listNetworks())).doesNotContain("vmx-n1");
      d.createNetwork(OPERATOR, "h", "vmx-n1", bridge, "virbr1", null, null, null, null);
      d.createNetwork(OPERATOR, "h", "vmx-n2", none, "", "198.19.250.1", "255.255.255.0", null, null);
      assertThat(List.of(conn.listNetworks())).contains("vmx-n1", "vmx-n2");
      assertThatThrownBy(
              () -> d.createNetwork(OPERATOR, "h", "vmx-n3", none, "", "198.19.250.129", "255.255.255.128", null, null))
          .hasMessageStartingWith("network 198.19.250.129/25 overlaps 198.19.250.1/24 of libvirt network vmx-n2");
    } finally {
      conn.close();
    }
  }

  private static Operations operations(NativeConnect conn) {
    return new Operations(
        OneHost.of(conn),
        false,
        ConfinedPaths.none("--save-dir"),
        ConfinedPaths.none("--disk-dir"));
  }
}
