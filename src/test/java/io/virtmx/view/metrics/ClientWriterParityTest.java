/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.Snapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exposition the view renders itself is the one the Prometheus client's own writers make of the
 * same series (the view used them until it wrote the bytes straight from the snapshot): the same
 * lines, headers, escaping and numbers in text 0.0.4 and OpenMetrics; only the order of the series
 * within a family may differ.
 */
class ClientWriterParityTest {

  @Test
  void textAndOpenMetricsAreWhatTheClientWrites() throws Exception {
    HostSnapshot tricky =
        Snapshots.host("hv2")
            .domains(
                List.of(
                    SnapshotCollectorTest.web(),
                    SnapshotCollectorTest.stopped(),
                    Snapshots.domain("quote\" back\\slash\nline €uro 😀 \uD800")
                        .running()
                        .os("hvm", "x86_64", "pc")
                        .memoryKib(1, 2)
                        .cpu(1, 0, 1)
                        .build()))
            .build();
    SnapshotSource source =
        new TwoHosts(SnapshotCollectorTest.host(List.of(SnapshotCollectorTest.web())), tricky);
    SnapshotCollector collector = new SnapshotCollector();
    collector.follow(source);

    for (boolean openMetrics : new boolean[] {false, true}) {
      String ours = SnapshotCollectorTest.text(collector.exposition().body(openMetrics));
      String client = clientWrites(ours, openMetrics);
      assertThat(sortedSeries(ours)).isEqualTo(sortedSeries(client)).isNotEmpty();
      assertThat(headers(ours)).isEqualTo(headers(client)).isNotEmpty();
      assertThat(ours).contains("€uro 😀 ?", "quote\\\" back\\\\slash\\nline");
    }
    assertThat(SnapshotCollectorTest.text(collector)).contains("host=\"hv1\"", "host=\"hv2\"");
  }

  /** Our text exposition parsed back into the client's snapshots and written by its writer. */
  private static String clientWrites(String ourText, boolean openMetrics) throws Exception {
    Map<String, List<Entry<Exposition.Series, Double>>> byName = new HashMap<>();
    Exposition.parse(ourText.replace("# EOF\n", "")).series().entrySet().stream()
        .forEach(e -> byName.computeIfAbsent(e.getKey().name(), n -> new ArrayList<>()).add(e));
    List<MetricSnapshot> families = new ArrayList<>();
    for (Family f : SnapshotCollector.FAMILIES) {
      List<Entry<Exposition.Series, Double>> points = byName.get(f.exposedName());
      if (points != null) {
        families.add(snapshot(f, points));
      }
    }
    ExpositionFormatWriter writer =
        openMetrics
            ? new OpenMetricsTextFormatWriter(false, false)
            : new PrometheusTextFormatWriter(false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, new MetricSnapshots(families));
    String text = out.toString(StandardCharsets.UTF_8);
    return openMetrics ? text.substring(0, text.length() - "# EOF\n".length()) : text;
  }

  private static MetricSnapshot snapshot(Family f, List<Entry<Exposition.Series, Double>> points) {
    MetricMetadata meta =
        new MetricMetadata(f.name(), f.description(), f.baseUnit() == null ? null : new Unit(f.baseUnit()));
    List<CounterDataPointSnapshot> counters = new ArrayList<>();
    List<GaugeDataPointSnapshot> gauges = new ArrayList<>();
    List<InfoDataPointSnapshot> infos = new ArrayList<>();
    for (Entry<Exposition.Series, Double> p : points) {
      var labels =
          io.prometheus.metrics.model.snapshots.Labels.of(
              p.getKey().labels().keySet().toArray(String[]::new),
              p.getKey().labels().values().toArray(String[]::new));
      switch (f.kind()) {
        case COUNTER -> counters.add(new CounterDataPointSnapshot(p.getValue(), labels, null, 0L));
        case GAUGE -> gauges.add(new GaugeDataPointSnapshot(p.getValue(), labels, null));
        case INFO -> infos.add(new InfoDataPointSnapshot(labels));
      }
    }
    return switch (f.kind()) {
      case COUNTER -> new CounterSnapshot(meta, counters);
      case GAUGE -> new GaugeSnapshot(meta, gauges);
      case INFO -> new InfoSnapshot(meta, infos);
    };
  }

  private static List<String> sortedSeries(String text) {
    return text.lines().filter(l -> !l.startsWith("#")).sorted().toList();
  }

  private static List<String> headers(String text) {
    return text.lines().filter(l -> l.startsWith("#")).toList();
  }

  /** Two hosts' fixed snapshots. */
  private record TwoHosts(HostSnapshot a, HostSnapshot b) implements SnapshotSource {
    @Override
    public List<HostSnapshot> hosts() {
      return List.of(a, b);
    }

    @Override
    public Optional<HostSnapshot> host(String name) {
      return hosts().stream().filter(h -> h.host().equals(name)).findFirst();
    }

    @Override
    public void addListener(SnapshotListener listener) {}

    @Override
    public void removeListener(SnapshotListener listener) {}
  }
}
