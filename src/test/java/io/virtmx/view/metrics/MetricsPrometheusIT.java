/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Background;
import io.virtmx.testbed.HttpGet;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus server scrapes the agent watching real QEMU domains (plus a storage pool and
 * an isolated network of our own): every PromQL expression of every Grafana panel, variables filled
 * in, returns data; {@code promtool check metrics} has nothing to say about our exposition; the
 * alert rules check and pass their unit tests.
 */
class MetricsPrometheusIT {
  private static final String POOL = "virtmx-metrics-pool";
  private static final String NET = "virtmx-metrics-net";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void everyDashboardQueryReturnsDataFromPrometheus() throws Exception {
    TestBed.ensureLibvirtd();
    try (QemuDomains vms = QemuDomains.start(1)) {
      definePoolAndNetwork();
      String domain = vms.names().get(0);
      int agentPort = AgentProcess.freePort();
      int promPort = AgentProcess.freePort();
      Files.writeString(
          tmp.resolve("prometheus.yml"),
          "global:\n  scrape_interval: 1s\n"
              + "scrape_configs:\n  - job_name: virtmx\n    static_configs:\n      - targets: ['127.0.0.1:"
              + agentPort
              + "']\n");
      try (AgentProcess agent =
              AgentProcess.started(
                  "--no-jolokia",
                  "--connect",
                  TestBed.QEMU_URI,
                  "--interval",
                  "1s",
                  "--metrics-port",
                  Integer.toString(agentPort));
          Background prometheus =
              Background.start(
                  tmp.resolve("prometheus.log"),
                  "prometheus",
                  "--config.file=" + tmp.resolve("prometheus.yml"),
                  "--storage.tsdb.path=" + tmp.resolve("tsdb"),
                  "--web.listen-address=127.0.0.1:" + promPort)) {
        dashboardQueriesReturnData(vms, domain, agent, agentPort, prometheus, promPort);
      }
    } finally {
      TestBed.tryVirsh("pool-destroy", POOL);
      TestBed.tryVirsh("pool-undefine", POOL);
      TestBed.tryVirsh("net-destroy", NET);
      TestBed.tryVirsh("net-undefine", NET);
    }
  }

  private void dashboardQueriesReturnData(
      QemuDomains vms,
      String domain,
      AgentProcess agent,
      int agentPort,
      Background prometheus,
      int promPort)
      throws Exception {
    String metricsUrl = "http://127.0.0.1:" + agentPort + "/metrics";
    String body =
        agent.awaitPage(
            metricsUrl,
            b ->
                b.contains("domain=\"" + domain + "\"")
                    && b.contains("pool=\"" + POOL + "\"")
                    && b.contains("network=\"" + NET + "\""),
            Duration.ofSeconds(60));
    assertThat(promtool(body, "check", "metrics")).isEmpty();
    String host = hostOf(body);

    String api = "http://127.0.0.1:" + promPort + "/api/v1/query?query=";
    prometheus.awaitPage(
        api
            + enc(
                "count(libvirt_domain_block_stats_read_bytes_total) > 0 and on() count_over_time(libvirt_up[20s]) > 12"),
        b -> b.contains("\"result\":[{"),
        Duration.ofSeconds(90));
    vms.pokeNetwork();
    String d = "{domain=\"" + domain + "\"}";
    prometheus.awaitPage(
        api
            + enc(
                "increase(libvirt_domain_interface_stats_receive_bytes_total"
                    + d
                    + "[15s]) > 0 or increase(libvirt_domain_interface_stats_transmit_bytes_total"
                    + d
                    + "[15s]) > 0"),
        b -> b.contains("\"result\":[{"),
        Duration.ofSeconds(30));

    List<String> empty = new ArrayList<>();
    int checked = 0;
    for (String expr : dashboardExpressions()) {
      String q =
          expr.replace("$__rate_interval", "15s")
              .replace("$host", regexLiteral(host))
              .replace("$domain", regexLiteral(domain));
      JsonNode r = JSON.readTree(HttpGet.get(api + enc(q)));
      assertThat(r.path("status").asText()).as(q).isEqualTo("success");
      if (r.path("data").path("result").isEmpty()) {
        empty.add(q);
      }
      checked++;
    }
    assertThat(empty).as("panel queries without data").isEmpty();
    assertThat(checked).isGreaterThan(40);
  }

  @Test
  void alertRulesCheckAndPassTheirUnitTests() throws Exception {
    Path dir = Path.of("grafana/prometheus").toAbsolutePath();
    assertThat(
            TestBed.run(List.of("promtool", "check", "rules", dir.resolve("alerts.yml").toString()))
                .exitCode())
        .isZero();
    TestBed.Result test =
        TestBed.run(
            List.of("promtool", "test", "rules", dir.resolve("alerts_test.yml").toString()));
    assertThat(test.exitCode()).as(test.stdout() + test.stderr()).isZero();
    assertThat(test.stdout()).contains("SUCCESS");
    assertThat(
            TestBed.run(
                    List.of(
                        "promtool", "check", "config", dir.resolve("prometheus.yml").toString()))
                .exitCode())
        .isZero();
  }

  private void definePoolAndNetwork() throws Exception {
    Path poolDir = Files.createDirectories(tmp.resolve("pool"));
    Files.write(poolDir.resolve("vol1.img"), new byte[1 << 20]);
    Path poolXml = tmp.resolve("pool.xml");
    Files.writeString(
        poolXml,
        "<pool type='dir'><name>"
            + POOL
            + "</name><target><path>"
            + poolDir
            + "</path></target></pool>");
    Path netXml = tmp.resolve("net.xml");
    // Bridge mode on the test bed's bridge: libvirt starts it without dnsmasq or firewall rules.
    Files.writeString(
        netXml,
        "<network><name>"
            + NET
            + "</name><forward mode='bridge'/><bridge name='"
            + QemuDomains.BRIDGE
            + "'/></network>");
    TestBed.virsh("pool-define", poolXml.toString());
    TestBed.virsh("pool-start", POOL);
    TestBed.virsh("net-define", netXml.toString());
    TestBed.virsh("net-start", NET);
  }

  /** Every target expression of every dashboard in grafana/dashboards. */
  static List<String> dashboardExpressions() throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("grafana/dashboards"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode panel : JSON.readTree(f.toFile()).path("panels")) {
          panel.path("targets").forEach(t -> out.add(t.path("expr").asText()));
        }
      }
    }
    return out;
  }

  private String promtool(String input, String... args) throws Exception {
    Path in = tmp.resolve("exposition.txt");
    Files.writeString(in, input);
    List<String> cmd =
        new ArrayList<>(List.of("sh", "-c", "promtool " + String.join(" ", args) + " < " + in));
    TestBed.Result r = TestBed.run(cmd);
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    return r.stdout() + r.stderr();
  }

  private static String hostOf(String body) {
    Matcher m =
        Pattern.compile("^libvirt_up\\{host=\"([^\"]*)\"}", Pattern.MULTILINE).matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /**
   * A value as Grafana puts it into {@code =~"$var"}: regex metacharacters escaped, inside a PromQL
   * string.
   */
  private static String regexLiteral(String value) {
    StringBuilder b = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (".+*?()[]{}|^$\\".indexOf(c) >= 0) {
        b.append("\\\\");
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
