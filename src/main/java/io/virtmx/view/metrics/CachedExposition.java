/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The libvirt families of one snapshot, serialized by the Prometheus client's own writers at most
 * once per format (and deflated at most once), so that scrapes between two snapshots only copy
 * bytes.
 *
 * <p>The OpenMetrics body is kept without its final {@code # EOF}, which the handler writes after
 * the rest of the registry. The deflated body is raw deflate ending in a sync flush, so more
 * deflate blocks can follow it.
 */
final class CachedExposition {
  static final ExpositionFormatWriter TEXT = new PrometheusTextFormatWriter(false);
  static final ExpositionFormatWriter OPENMETRICS = new OpenMetricsTextFormatWriter(false, false);
  private static final int EOF_LENGTH = "# EOF\n".length();

  private final MetricSnapshots snapshots;
  private final Map<Boolean, Body> bodies = new ConcurrentHashMap<>();

  /** One serialized format: plain bytes, and their raw deflate form once asked for. */
  static final class Body {
    final byte[] plain;
    private volatile byte[] deflated;

    Body(byte[] plain) {
      this.plain = plain;
    }

    byte[] deflated() {
      byte[] d = deflated;
      if (d == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 8 + 64);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
          // flush() ends with a sync flush and no final block; closing would add one.
          DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16, true);
          z.write(plain);
          z.flush();
          d = out.toByteArray();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          deflater.end();
        }
        deflated = d;
      }
      return d;
    }
  }

  CachedExposition(MetricSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  MetricSnapshots snapshots() {
    return snapshots;
  }

  Body body(boolean openMetrics) {
    return bodies.computeIfAbsent(
        openMetrics,
        om -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
          try {
            (om ? OPENMETRICS : TEXT).write(out, snapshots);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          byte[] bytes = out.toByteArray();
          return new Body(om ? Arrays.copyOf(bytes, bytes.length - EOF_LENGTH) : bytes);
        });
  }
}
