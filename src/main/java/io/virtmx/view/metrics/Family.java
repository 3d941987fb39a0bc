/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;

/**
 * One metric family rendered from snapshots: its name, description, base unit and kind, e.g. the
 * counter {@code libvirt_domain_block_stats_read_bytes} with base unit "bytes", exposed as {@code
 * libvirt_domain_block_stats_read_bytes_total}.
 *
 * <p>{@code baseUnit} is null only for dimensionless values (counts, codes, flags), as Prometheus'
 * naming conventions want; otherwise the name ends with it. Info families are named without their
 * {@code _info} suffix.
 */
record Family(String name, String description, String baseUnit, Kind kind) {

  /**
   * How the family is exposed: TYPE gauge, TYPE counter ({@code _total}) or an info metric ({@code
   * _info}).
   */
  enum Kind {
    GAUGE,
    COUNTER,
    INFO
  }

  static Family gauge(String name, String baseUnit, String description) {
    return new Family(name, description, baseUnit, Kind.GAUGE);
  }

  static Family counter(String name, String baseUnit, String description) {
    return new Family(name, description, baseUnit, Kind.COUNTER);
  }

  static Family info(String name, String description) {
    return new Family(name, description, null, Kind.INFO);
  }

  /** The name as scraped: with {@code _total} for counters and {@code _info} for info metrics. */
  String exposedName() {
    return switch (kind) {
      case COUNTER -> name + "_total";
      case INFO -> name + "_info";
      case GAUGE -> name;
    };
  }

  DataPointSnapshot point(io.prometheus.metrics.model.snapshots.Labels labels, double value) {
    return switch (kind) {
      case COUNTER -> new CounterDataPointSnapshot(value, labels, null, 0L);
      case GAUGE -> new GaugeDataPointSnapshot(value, labels, null);
      case INFO -> new InfoDataPointSnapshot(labels);
    };
  }

  /**
   * The family's snapshot over these points (which the constructor sorts by labels and checks for
   * duplicates).
   */
  @SuppressWarnings("unchecked")
  MetricSnapshot snapshot(List<? extends DataPointSnapshot> points) {
    MetricMetadata meta =
        new MetricMetadata(name, description, baseUnit == null ? null : new Unit(baseUnit));
    return switch (kind) {
      case COUNTER -> new CounterSnapshot(meta, (List<CounterDataPointSnapshot>) points);
      case GAUGE -> new GaugeSnapshot(meta, (List<GaugeDataPointSnapshot>) points);
      case INFO -> new InfoSnapshot(meta, (List<InfoDataPointSnapshot>) points);
    };
  }
}
