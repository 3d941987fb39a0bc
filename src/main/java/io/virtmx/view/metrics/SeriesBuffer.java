/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.virtmx.model.DomainSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data points of one host's snapshot, family by family, as the binders add them. Values libvirt
 * did not report (-1 counters, NaN rates) are left out rather than exposed as fake numbers.
 */
final class SeriesBuffer {
  private final String host;
  private final Map<Family, List<DataPointSnapshot>> points = new IdentityHashMap<>();
  private final Map<String, Labels> domainLabels = new HashMap<>();

  SeriesBuffer(String host) {
    this.host = host;
  }

  String host() {
    return host;
  }

  /** {@code host} plus the given label pairs. */
  Labels labels(String... pairs) {
    String[] all = new String[pairs.length + 2];
    all[0] = "host";
    all[1] = host;
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    return Labels.of(all);
  }

  /**
   * The labels every series of a domain has, {host, domain, uuid}: built once per domain and
   * shared.
   */
  Labels domain(DomainSnapshot d) {
    return domainLabels.computeIfAbsent(d.uuid(), u -> labels("domain", d.name(), "uuid", u));
  }

  /** Adds a value unless it is NaN (unknown), or negative for a counter. */
  void value(Family family, Labels labels, double value) {
    if (Double.isNaN(value) || (family.kind() == Family.Kind.COUNTER && value < 0)) {
      return;
    }
    points.computeIfAbsent(family, f -> new ArrayList<>()).add(family.point(labels, value));
  }

  /** Adds {@code raw * scale} unless {@code raw} is -1 (or any negative value: not reported). */
  void reported(Family family, Labels labels, long raw, double scale) {
    if (raw >= 0) {
      value(family, labels, raw * scale);
    }
  }

  /** Adds a nanosecond count as seconds (divided, so that whole seconds stay exact), unless -1. */
  void nanosAsSeconds(Family family, Labels labels, long nanos) {
    if (nanos >= 0) {
      value(family, labels, nanos / 1e9);
    }
  }

  void info(Family family, Labels labels) {
    value(family, labels, 1);
  }

  Map<Family, List<DataPointSnapshot>> points() {
    return points;
  }
}
