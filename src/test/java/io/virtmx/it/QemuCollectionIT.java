/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collection from a real libvirtd with real QEMU domains: every counter is read from libvirt,
 * non-zero, and equal to what {@code virsh domstats} reports right after, within what the domain
 * can do in between.
 */
class QemuCollectionIT {
  private static QemuDomains domains;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startDomains() {
    TestBed.ensureLibvirtd();
    domains = QemuDomains.start(2);
    domains.pokeNetwork();
    // The boot-sector loop reads vda and writes vdb; under TCG on a loaded host its first I/O can
    // take a while, so wait until libvirt counts some on every domain before asserting ours.
    for (String name : domains.names()) {
      Await.until(
          name + " has read vda, written vdb and sent and received on its NIC",
          () -> {
            Map<String, String> s = TestBed.domstats(TestBed.QEMU_URI, name);
            return TestBed.statLong(s, "block.0.rd.bytes") > 0
                && TestBed.statLong(s, "block.1.wr.bytes") > 0
                && TestBed.statLong(s, "net.0.tx.bytes") > 0
                && TestBed.statLong(s, "net.0.rx.bytes") > 0;
          },
          Duration.ofSeconds(60));
    }
  }

  @AfterAll
  static void stopDomains() {
    if (domains != null) {
      domains.close();
    }
  }

  @Test
  void countersAreNonZeroAndEqualToVirshDomstats() throws Exception {
    TestBed.Result r =
        AgentProcess.run(
            Duration.ofSeconds(120),
            "--once",
            "--format",
            "json",
            "--sample",
            "500ms",
            "--connect",
            TestBed.QEMU_URI);
    long readAt = System.nanoTime();
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode host = json.readTree(r.stdout()).get("hosts").get(0);
    assertThat(host.get("node").get("hypervisorType").asText()).isEqualTo("QEMU");
    assertThat(host.get("node").get("cpuTimes").get("idleNs").asLong()).isPositive();

    for (String name : domains.names()) {
      Map<String, String> virsh = TestBed.domstats(TestBed.QEMU_URI, name);
      double gapSeconds =
          (System.nanoTime() - readAt) / 1e9 + 3.0; // --once's second sample to virsh, generously
      JsonNode d = domain(host, name);

      assertThat(d.get("status").get("state").asText()).isEqualTo("RUNNING");
      assertThat(d.get("vcpus").get("current").asInt())
          .isEqualTo((int) TestBed.statLong(virsh, "vcpu.current"));
      assertThat(d.get("memory").get("currentBytes").asLong())
          .as("bytes in the model; virsh reports KiB")
          .isEqualTo(TestBed.statLong(virsh, "balloon.current") * 1024);
      assertThat(d.get("memory").get("balloon").get("rssBytes").asLong()).isPositive();

      long cpu = d.get("cpu").get("totalNs").asLong();
      assertCounter(
          "cpu.time", cpu, TestBed.statLong(virsh, "cpu.time"), (long) (gapSeconds * 2 * 1e9));
      assertThat(d.get("vcpus").get("each")).hasSize(2);

      JsonNode vda = d.get("disks").get(0);
      assertThat(vda.get("device").get("target").asText()).isEqualTo("vda");
      assertThat(vda.get("device").get("source").asText())
          .isEqualTo(domains.disk(name, "vda").toString());
      assertCounter(
          "block.0.rd.bytes",
          vda.get("io").get("readBytes").asLong(),
          TestBed.statLong(virsh, "block.0.rd.bytes"),
          (long) (gapSeconds * 64 * 1024));
      JsonNode vdb = d.get("disks").get(1);
      assertCounter(
          "block.1.wr.bytes",
          vdb.get("io").get("writeBytes").asLong(),
          TestBed.statLong(virsh, "block.1.wr.bytes"),
          (long) (gapSeconds * 64 * 1024));
      assertThat(vdb.get("sizes").get("capacityBytes").asLong())
          .isEqualTo(TestBed.statLong(virsh, "block.1.capacity"));

      JsonNode nic = d.get("interfaces").get(0);
      assertThat(nic.get("device").get("target").asText()).isEqualTo(virsh.get("net.0.name"));
      assertCounter(
          "net.0.tx.bytes",
          nic.get("io").get("txBytes").asLong(),
          TestBed.statLong(virsh, "net.0.tx.bytes"),
          4096);
      assertCounter(
          "net.0.rx.bytes",
          nic.get("io").get("rxBytes").asLong(),
          TestBed.statLong(virsh, "net.0.rx.bytes"),
          4096);
    }
  }

  /**
   * Ours was read first: positive, never above virsh's later reading, and short of it by at most
   * {@code slack}.
   */
  private static void assertCounter(String what, long ours, long virsh, long slack) {
    assertThat(ours).as(what + " collected").isPositive();
    assertThat(ours)
        .as(what + " vs virsh domstats " + virsh)
        .isLessThanOrEqualTo(virsh)
        .isGreaterThanOrEqualTo(virsh - slack);
  }

  private static JsonNode domain(JsonNode host, String name) {
    for (JsonNode d : host.get("domains")) {
      if (d.get("name").asText().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("domain " + name + " not collected: " + host.get("domains"));
  }
}
