/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestNodeGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code virtmx --once} against libvirt's test driver, in-process and through libvirtd, and its
 * error paths.
 */
class OnceTestDriverIT {
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jsonListsTheTestDomainWithItsCountersPoolAndNetwork() throws Exception {
    TestBed.Result r =
        AgentProcess.run(LIMIT, "--once", "--format", "json", "--connect", "test:///default");

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode host = json.readTree(r.stdout()).get("hosts").get(0);
    assertThat(host.get("up").asBoolean()).isTrue();
    assertThat(host.get("errorsByKind").size()).isZero();
    JsonNode test = only(host.get("domains"), "name", "test");
    assertThat(test.get("status").get("state").asText()).isEqualTo("RUNNING");
    assertThat(test.get("memory").get("maximumBytes").asLong()).isEqualTo(8388608L * 1024);
    JsonNode vda = only(test.get("disks"), "id", "vda");
    assertThat(vda.get("device").get("source").asText()).isEqualTo("/guest/diskimage1");
    assertThat(vda.get("io").get("readBytes").asLong()).isPositive();
    assertThat(vda.get("io").get("writeRequests").asLong()).isPositive();
    assertThat(vda.get("sizes").get("capacityBytes").asLong()).isPositive();
    JsonNode nic = only(test.get("interfaces"), "id", "testnet0");
    assertThat(nic.get("device").get("mac").asText()).isEqualTo("aa:bb:cc:dd:ee:ff");
    assertThat(nic.get("io").get("rxBytes").asLong()).isPositive();
    assertThat(nic.get("io").get("txPackets").asLong()).isPositive();
    JsonNode balloon = test.get("memory").get("balloon");
    assertThat(balloon.get("actualBytes").asLong()).isEqualTo(2097152L * 1024);
    assertThat(balloon.get("rssBytes").asLong()).isPositive();
    assertThat(balloon.get("maximumBytes").asLong()).isEqualTo(8388608L * 1024);
    assertThat(test.get("rates").get("cpuPercentOfCore").isNumber())
        .as("rate from two samples")
        .isTrue();
    assertThat(only(host.get("pools"), "name", "default-pool").get("state").asText())
        .isEqualTo("RUNNING");
    assertThat(only(host.get("networks"), "name", "default").get("active").asBoolean()).isTrue();
    JsonNode resources = host.get("resources");
    assertThat(only(resources.get("devices"), "name", "scsi_host1").get("parent").asText())
        .isEqualTo("computer");
    assertThat(only(resources.get("interfaces"), "name", "eth1").get("active").asBoolean())
        .isTrue();
    assertThat(resources.get("memory").get("cells").size()).isEqualTo(2);
  }

  @Test
  void tableShowsDomainsPoolsAndNetworks() {
    TestBed.Result r =
        AgentProcess.run(LIMIT, "--once", "--connect", "test:///default", "--sample", "200ms");

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .containsPattern("(?m)^ 1\\s+test\\s+running\\s+[0-9.]+\\s+2\\s+2\\.0 GiB")
        .containsPattern("(?m)^ default-pool\\s+running")
        .containsPattern("(?m)^ default\\s+yes")
        .containsPattern("(?m)^ scsi_host1\\s+computer\\s+scsi_host")
        .containsPattern("(?m)^ eth1\\s+aa:bb:cc:dd:ee:ff\\s+ethernet\\s+yes");
  }

  @Test
  void generatedNodeThroughLibvirtdHasEveryDomainDiskAndInterface(@TempDir Path dir)
      throws Exception {
    TestBed.ensureLibvirtd();
    Path node = TestNodeGenerator.write(dir.resolve("node.xml"), 50);

    TestBed.Result r =
        AgentProcess.run(
            LIMIT,
            "--once",
            "--format",
            "json",
            "--sample",
            "200ms",
            "--connect",
            TestNodeGenerator.daemonUri(node));

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode domains = json.readTree(r.stdout()).get("hosts").get(0).get("domains");
    assertThat(domains).hasSize(50);
    for (JsonNode d : domains) {
      assertThat(d.get("disks"))
          .extracting(n -> n.get("id").asText())
          .containsExactly("vda", "vdb");
      assertThat(d.get("disks").get(1).get("io").get("readRequests").asLong())
          .isGreaterThanOrEqualTo(0);
      assertThat(d.get("interfaces")).hasSize(1);
      assertThat(d.get("interfaces").get(0).get("io").get("rxBytes").asLong())
          .isGreaterThanOrEqualTo(0);
    }
    assertThat(Files.size(node)).isPositive();
  }

  @Test
  void unknownDriverIsOneClearLineAndExitStatusOne() {
    TestBed.Result r = AgentProcess.run(LIMIT, "--once", "--connect", "bogus:///nowhere");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip().lines())
        .containsExactly(
            "virtmx: cannot connect to bogus:///nowhere: no connection driver available for bogus:///nowhere");
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void unreachableHostIsOneClearLine() {
    TestBed.Result r =
        AgentProcess.run(LIMIT, "--once", "--connect", "qemu+tcp://127.0.0.1:1/system");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip().lines())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("virtmx: cannot connect to qemu+tcp://127.0.0.1:1/system:")
        .contains("Connection refused");
  }

  @Test
  void malformedUriIsAUsageError() {
    TestBed.Result r = AgentProcess.run(LIMIT, "--once", "--connect", "not a uri");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().strip().lines())
        .hasSize(1)
        .first()
        .asString()
        .contains("invalid libvirt URI 'not a uri'");
  }

  private static JsonNode only(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.get(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value + " in " + array);
  }
}
