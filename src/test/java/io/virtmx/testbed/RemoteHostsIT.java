/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One agent watching the local host and the test bed's second host hv2 over each remote transport
 * libvirt has (qemu+tcp with SASL DIGEST-MD5 from {@code --credentials}, qemu+tls with the bed's
 * certificates, qemu+ssh with its key): both hosts with their own guests under their own {@code
 * host} label in /metrics and {@code host=} key in JMX (read through Jolokia), and a wrong SASL
 * password costing one log line naming the host while the other host keeps being collected.
 */
class RemoteHostsIT {
  private static final Duration COLLECTED = Duration.ofSeconds(60);
  private static TestBedEnv bed;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void bed() {
    bed = TestBedEnv.get();
  }

  private String uri(String transport) {
    return switch (transport) {
      case "tcp" -> bed.hv2TcpUri();
      case "tls" -> bed.hv2TlsUri();
      case "ssh" -> bed.hv2SshUri();
      default -> throw new IllegalArgumentException(transport);
    };
  }

  @ParameterizedTest(name = "qemu+{0}")
  @ValueSource(strings = {"tcp", "tls", "ssh"})
  void bothHostsWithTheirOwnDomains(String transport) throws Exception {
    int metrics = AgentProcess.freePort();
    int jolokia = AgentProcess.freePort();
    try (AgentProcess agent =
        AgentProcess.started(
            "--connect",
            bed.hostUri(),
            "--connect",
            uri(transport),
            "--credentials",
            bed.credentialsFile(),
            "--interval",
            "2s",
            "--metrics-port",
            String.valueOf(metrics),
            "--jolokia-port",
            String.valueOf(jolokia))) {
      String host = bed.hostName();
      String hv2 = bed.hv2Name();
      String page =
          agent.awaitPage(
              "http://127.0.0.1:" + metrics + "/metrics",
              body -> state(body, host, bed.guest1()) && state(body, hv2, bed.guest2()),
              COLLECTED);
      assertThat(TestBedEnv.metric(page, "libvirt_up", "host", host)).hasValue(1.0);
      assertThat(TestBedEnv.metric(page, "libvirt_up", "host", hv2)).hasValue(1.0);
      // each guest only under its own host
      assertThat(state(page, hv2, bed.guest1())).as("guest1 under hv2").isFalse();
      assertThat(state(page, host, bed.guest2())).as("guest2 under " + host).isFalse();
      // the remote guest's counters come over the remote connection and move (its write and ping
      // loops)
      for (String series :
          List.of(
              "libvirt_domain_block_stats_write_bytes_total",
              "libvirt_domain_interface_stats_receive_packets_total",
              "libvirt_domain_memory_stats_available_bytes")) {
        assertThat(TestBedEnv.metric(page, series, "host", hv2, "domain", bed.guest2()).orElse(-1))
            .as(series + " of " + bed.guest2())
            .isPositive();
      }

      JsonNode search =
          json.readTree(
              HttpGet.get("http://127.0.0.1:" + jolokia + "/jolokia/search/libvirt:type=Domain,*"));
      List<String> names = new ArrayList<>();
      search.get("value").forEach(n -> names.add(n.asText()));
      assertThat(names)
          .contains(
              "libvirt:type=Domain,host=" + host + ",name=" + bed.guest1(),
              "libvirt:type=Domain,host=" + hv2 + ",name=" + bed.guest2())
          .doesNotContain(
              "libvirt:type=Domain,host=" + hv2 + ",name=" + bed.guest1(),
              "libvirt:type=Domain,host=" + host + ",name=" + bed.guest2());
      JsonNode state =
          json.readTree(
              HttpGet.get(
                  "http://127.0.0.1:"
                      + jolokia
                      + "/jolokia/read/libvirt:type=Domain,host="
                      + hv2
                      + ",name="
                      + bed.guest2()
                      + "/State"));
      assertThat(state.get("value").asText()).isEqualTo("running");
    }
  }

  @Test
  void aWrongSaslPasswordIsOneLineNamingTheHostAndTheOtherHostIsStillCollected(@TempDir Path dir)
      throws Exception {
    Path wrong = dir.resolve("credentials");
    Files.writeString(
        wrong, bed.hv2TcpUri() + " " + bed.value("SASL_USER") + " not-the-password\n");
    int metrics = AgentProcess.freePort();
    try (AgentProcess agent =
        AgentProcess.started(
            "--connect",
            bed.hostUri(),
            "--connect",
            bed.hv2TcpUri(),
            "--credentials",
            wrong.toString(),
            "--interval",
            "1s",
            "--metrics-port",
            String.valueOf(metrics),
            "--no-jolokia")) {
      String url = "http://127.0.0.1:" + metrics + "/metrics";
      String host = bed.hostName();
      String first = agent.awaitPage(url, body -> state(body, host, bed.guest1()), COLLECTED);
      double firstSuccess =
          TestBedEnv.metric(first, "virtmx_last_success_timestamp_seconds", "host", host)
              .orElseThrow();
      // the local host keeps being collected: its last success moves on
      agent.awaitPage(
          url,
          body ->
              TestBedEnv.metric(body, "virtmx_last_success_timestamp_seconds", "host", host)
                      .orElse(Double.NaN)
                  > firstSuccess,
          COLLECTED);
      String log = agent.log();
      Pattern authLine =
          Pattern.compile(
              "^.*" + Pattern.quote(bed.hv2TcpUri()) + ".*authentication failed.*$",
              Pattern.MULTILINE);
      List<String> lines = authLine.matcher(log).results().map(r -> r.group()).toList();
      assertThat(lines).as(log).hasSize(1);
      assertThat(lines.get(0)).contains("WARN").contains("cannot connect to " + bed.hv2TcpUri());
      String page = HttpGet.get(url);
      assertThat(TestBedEnv.metric(page, "libvirt_up", "host", host)).hasValue(1.0);
      // hv2 is named by its URI's host until it has been reached, and is down
      assertThat(page).containsPattern("libvirt_up\\{host=\"198\\.18\\.0\\.2\"\\} 0(\\.0)?\\n");
      assertThat(state(page, bed.hv2Name(), bed.guest2())).isFalse();
    }
  }

  private static boolean state(String body, String host, String domain) {
    return TestBedEnv.metric(body, "libvirt_domain_state_code", "host", host, "domain", domain)
        .isPresent();
  }
}
