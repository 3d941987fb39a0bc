/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.virtmx.model.CollectorRun;
import io.virtmx.model.FixedSource;
import io.virtmx.model.HostSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent's own series for one host, collector runs included, against a golden text block. */
class AgentMetricsTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void rendersTheGoldenAgentSeries() {
    HostSnapshot host = SnapshotCollectorTest.host(List.of());
    HostSnapshot withRuns =
        new HostSnapshot(
            host.host(),
            host.uri(),
            host.up(),
            true,
            host.collectedAt(),
            host.lastSuccess(),
            host.collectionDuration(),
            host.errorsByKind(),
            host.node(),
            host.domains(),
            host.pools(),
            host.networks(),
            List.of(
                new CollectorRun("node", Duration.ofMillis(2), true),
                new CollectorRun("domains", Duration.ofMillis(240), true),
                new CollectorRun("pools", Duration.ofMillis(8), false)),
            io.virtmx.model.NodeResources.EMPTY);

    assertThat(render(withRuns))
        .isEqualTo(
            """
            # HELP virtmx_collection_duration_seconds Duration of the latest collection of the host.
            # TYPE virtmx_collection_duration_seconds gauge
            virtmx_collection_duration_seconds{host="hv1"} 0.25
            # HELP virtmx_collection_errors_total Errors while collecting the host, by kind, since the agent started.
            # TYPE virtmx_collection_errors_total counter
            virtmx_collection_errors_total{host="hv1",kind="domain"} 3.0
            # HELP virtmx_collector_duration_seconds Duration of the collector in the host's latest collection.
            # TYPE virtmx_collector_duration_seconds gauge
            virtmx_collector_duration_seconds{collector="domains",host="hv1"} 0.24
            virtmx_collector_duration_seconds{collector="node",host="hv1"} 0.002
            virtmx_collector_duration_seconds{collector="pools",host="hv1"} 0.008
            # HELP virtmx_collector_success 1 when the collector finished without error in the host's latest collection, else 0.
            # TYPE virtmx_collector_success gauge
            virtmx_collector_success{collector="domains",host="hv1"} 1.0
            virtmx_collector_success{collector="node",host="hv1"} 1.0
            virtmx_collector_success{collector="pools",host="hv1"} 0.0
            # HELP virtmx_last_success_timestamp_seconds When the host was last collected successfully, in seconds since the epoch.
            # TYPE virtmx_last_success_timestamp_seconds gauge
            virtmx_last_success_timestamp_seconds{host="hv1"} 1.767323045E9
            # HELP virtmx_snapshot_age_seconds Age of the host's latest snapshot.
            # TYPE virtmx_snapshot_age_seconds gauge
            virtmx_snapshot_age_seconds{host="hv1"} 10.0
            # HELP virtmx_snapshot_stale 1 when the host's snapshot is stale: the host is down or its latest collection failed.
            # TYPE virtmx_snapshot_stale gauge
            virtmx_snapshot_stale{host="hv1"} 1.0
            """);
  }

  @Test
  void aCollectorThatDidNotRunInTheLatestSnapshotIsNaN() {
    HostSnapshot host = SnapshotCollectorTest.host(List.of());
    FixedSource source = new FixedSource(withRuns(host, true));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new AgentMetrics(source, Clock.fixed(T, ZoneOffset.UTC)).bindTo(registry);
    source.publish(withRuns(host, false));
    assertThat(registry.scrape())
        .contains("virtmx_collector_success{collector=\"pools\",host=\"hv1\"} NaN");
  }

  private static HostSnapshot withRuns(HostSnapshot h, boolean pools) {
    return new HostSnapshot(
        h.host(),
        h.uri(),
        h.up(),
        h.stale(),
        h.collectedAt(),
        h.lastSuccess(),
        h.collectionDuration(),
        h.errorsByKind(),
        h.node(),
        h.domains(),
        h.pools(),
        h.networks(),
        pools ? List.of(new CollectorRun("pools", Duration.ofMillis(1), true)) : List.of(),
        io.virtmx.model.NodeResources.EMPTY);
  }

  private static String render(HostSnapshot host) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new AgentMetrics(new FixedSource(host), Clock.fixed(T.plusSeconds(10), ZoneOffset.UTC))
        .bindTo(registry);
    return registry
        .scrape()
        .lines()
        .filter(l -> l.contains("virtmx_"))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
