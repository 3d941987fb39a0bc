/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static io.virtmx.testbed.TestBed.statLong;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the real-libvirt test bed: QEMU domains with moving counters, and big test-driver nodes.
 */
class TestBedIT {

  @BeforeAll
  static void daemon() {
    TestBed.ensureLibvirtd();
  }

  @Test
  void twoQemuDomainsRunWithMovingCounters() {
    List<String> names;
    List<String> uuids;
    long t0 = System.nanoTime();
    try (QemuDomains vms = QemuDomains.start(2)) {
      names = vms.names();
      uuids = names.stream().map(n -> TestBed.virsh("domuuid", n).strip()).toList();
      System.out.printf(
          "[testbed] %s up as type=%s in %d ms%n",
          names, vms.virtType(), (System.nanoTime() - t0) / 1_000_000);
      assertThat(names).hasSize(2).allMatch(n -> n.startsWith(QemuDomains.PREFIX));
      vms.pokeNetwork();
      for (String n : names) {
        assertThat(QemuDomains.state(n)).startsWith("running");
        Map<String, String> s =
            awaitStats(
                n,
                st ->
                    statLong(st, "block.0.rd.bytes") > 0
                        && statLong(st, "block.1.rd.bytes") > 0
                        && statLong(st, "block.1.wr.bytes") > 0
                        && statLong(st, "net.0.rx.bytes") > 0
                        && statLong(st, "net.0.tx.pkts") > 0);
        System.out.printf(
            "[testbed] %s: vda rd=%s vdb rd=%s wr=%s net rx=%s/%s tx=%s/%s cpu.time=%s%n",
            n,
            s.get("block.0.rd.bytes"),
            s.get("block.1.rd.bytes"),
            s.get("block.1.wr.bytes"),
            s.get("net.0.rx.pkts"),
            s.get("net.0.rx.bytes"),
            s.get("net.0.tx.pkts"),
            s.get("net.0.tx.bytes"),
            s.get("cpu.time"));
        assertThat(s)
            .containsEntry("state.state", "1")
            .containsEntry("vcpu.current", "2")
            .containsEntry("block.count", "2")
            .containsEntry("block.0.name", "vda")
            .containsEntry("block.1.name", "vdb")
            .containsEntry("net.count", "1")
            .containsEntry("balloon.current", String.valueOf(256 * 1024));
        assertThat(statLong(s, "cpu.time")).isPositive();
        assertThat(s.get("net.0.name")).startsWith("vnet");

        // Block counters keep moving: the boot sector loops once a second.
        long rd = statLong(s, "block.1.rd.bytes");
        awaitStats(n, st -> statLong(st, "block.1.rd.bytes") > rd);
      }
    }
    // By UUID: another run on this machine may already have reused the (lowest free) names.
    String left = TestBed.virsh("list", "--all", "--uuid");
    assertThat(left.lines().map(String::strip)).doesNotContainAnyElementsOf(uuids);
  }

  @Test
  void generatedTestNodeListsThroughLibvirtd(@TempDir Path tmp) throws Exception {
    Path node = TestNodeGenerator.write(tmp.resolve("node.xml"), 50);
    String uri = TestNodeGenerator.daemonUri(node);
    assertThat(uri).isEqualTo("test+unix://" + node);

    List<String> running =
        TestBed.virsh("-c", uri, "list", "--name")
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    assertThat(running).hasSize(50).contains("testvm-0001", "testvm-0050");

    assertThat(
            TestBed.virsh("-c", TestNodeGenerator.uri(node), "list", "--all", "--name")
                .lines()
                .filter(l -> !l.isBlank()))
        .hasSize(50);
    assertThat(TestBed.virsh("-c", uri, "net-list", "--name").lines().filter(l -> !l.isBlank()))
        .containsExactlyInAnyOrder("default", "isolated");
    assertThat(TestBed.virsh("-c", uri, "vol-list", "default").lines().filter(l -> !l.isBlank()))
        .hasSize(100);
    assertThat(TestBed.virsh("-c", uri, "domiflist", "testvm-0007"))
        .contains("vmxnet7", "default", TestNodeGenerator.mac(7));
    assertThat(TestBed.virsh("-c", uri, "domblklist", "testvm-0007")).contains("vda", "vdb");
  }

  private static Map<String, String> awaitStats(String domain, Predicate<Map<String, String>> ok) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Map<String, String> s = TestBed.domstats(TestBed.QEMU_URI, domain);
    while (!ok.test(s)) {
      assertThat(System.nanoTime())
          .as("counters of %s did not get there: %s", domain, s)
          .isLessThan(deadline);
      TestBed.sleep(Duration.ofMillis(500));
      s = TestBed.domstats(TestBed.QEMU_URI, domain);
    }
    return s;
  }
}
