/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's own meters (agent and JVM) as a scrape's tail, written by the Prometheus client's
 * writers at most once a second per format and shared by the scrapes in between. Reading some of
 * them costs a scrape milliseconds of CPU (the JVM's CPU and open-file meters read cgroup and
 * {@code /proc} files), which a burst of scrapes at 1000 domains paid once each: 13 of every 30 ms
 * of a gzip scrape.
 */
final class OwnMeters {
  static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final ExpositionFormatWriter TEXT_WRITER = new PrometheusTextFormatWriter(false);
  private static final ExpositionFormatWriter OPENMETRICS_WRITER =
      new OpenMetricsTextFormatWriter(false, false);

  private record Written(long atNanos, byte[] bytes) {}

  private final PrometheusMeterRegistry registry;
  private final AtomicReference<Written> text = new AtomicReference<>();
  private final AtomicReference<Written> openMetrics = new AtomicReference<>();

  OwnMeters(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** The meters in the format asked for, written within the last second. */
  byte[] bytes(boolean asOpenMetrics) throws IOException {
    AtomicReference<Written> last = asOpenMetrics ? openMetrics : text;
    Written w = last.get();
    long now = System.nanoTime();
    if (w != null && now - w.atNanos() < FRESH_NANOS) {
      return w.bytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 15);
    (asOpenMetrics ? OPENMETRICS_WRITER : TEXT_WRITER)
        .write(out, registry.getPrometheusRegistry().scrape());
    byte[] bytes = out.toByteArray();
    last.set(new Written(now, bytes));
    return bytes;
  }
}
