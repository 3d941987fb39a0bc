/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.virtmx.view.http.Answer;
import io.virtmx.view.http.Exchange;
import io.virtmx.view.http.HttpView;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Serves {@code GET|HEAD /metrics}: Prometheus text format 0.0.4, or OpenMetrics 1.0 when the
 * client's Accept header asks for it, gzip-compressed when it accepts gzip. Other paths get 404,
 * other methods 405; a body is refused (the endpoint's limit is 0 bytes).
 *
 * <p>The body is the libvirt families as rendered and deflated once per snapshot ({@link
 * CachedExposition}): sent as they are to a client that takes gzip, inflated while they are
 * written for one that does not; then the agent's own {@code PrometheusMeterRegistry} (agent and
 * JVM meters, a few kilobytes) written by the Prometheus client's writers at most once a second
 * ({@link OwnMeters}). A rendering failure is a 500, never a cut body.
 */
final class MetricsHandler implements HttpView {
  static final String PATH = "/metrics";
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final Limits LIMITS = new Limits(0, 4, Duration.ofMillis(500), false);

  private final OwnMeters own;
  private final SnapshotCollector collector;

  MetricsHandler(PrometheusMeterRegistry registry, SnapshotCollector collector) {
    this.own = new OwnMeters(registry);
    this.collector = collector;
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public Limits limits() {
    return LIMITS;
  }

  @Override
  public Answer refuse(int status, String reason) {
    return Answer.text(status, reason + "\n");
  }

  @Override
  public Answer serve(Exchange x) throws IOException {
    if (!PATH.equals(x.path())) {
      return refuse(404, "Not found: metrics are at " + PATH);
    }
    if (!x.method().equals("GET") && !x.method().equals("HEAD")) {
      return refuse(405, "Method not allowed: use GET or HEAD").with("Allow", "GET, HEAD");
    }
    String accept = x.header("Accept");
    boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
    boolean gzip = acceptsGzip(x.header("Accept-Encoding"));
    List<Map.Entry<String, String>> headers =
        gzip
            ? List.of(
                Map.entry("Content-Type", openMetrics ? OPENMETRICS : TEXT),
                Map.entry("Vary", "Accept, Accept-Encoding"),
                Map.entry("Content-Encoding", "gzip"))
            : List.of(
                Map.entry("Content-Type", openMetrics ? OPENMETRICS : TEXT),
                Map.entry("Vary", "Accept, Accept-Encoding"));
    CachedExposition.Body cached = collector.exposition().body(openMetrics);
    byte[] tail = own.bytes(openMetrics);
    return gzip
        ? new Answer(200, headers, gzip(cached, tail))
        : Answer.streamed(200, headers, cached.plain(tail));
  }

  /**
   * One gzip member: the cached deflate blocks, then the tail's, then CRC-32 and length of both.
   */
  static List<byte[]> gzip(CachedExposition.Body cached, byte[] tail) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tail.length / 4 + 64);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try (DeflaterOutputStream z = new DeflaterOutputStream(new NonClosing(out), deflater)) {
      z.write(tail);
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(tail);
    writeIntLe(out, Crc32.combine(cached.crc, (int) crc.getValue(), tail.length));
    writeIntLe(out, (int) (cached.length + tail.length));
    List<byte[]> parts = new ArrayList<>(cached.deflated.size() + 2);
    parts.add(GZIP_HEADER);
    parts.addAll(cached.deflated);
    parts.add(out.toByteArray());
    return parts;
  }

  private static void writeIntLe(OutputStream out, int v) throws IOException {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  /** Lets a deflater stream finish without closing the buffer it writes to. */
  private static final class NonClosing extends BufferedOutputStream {
    NonClosing(OutputStream out) {
      super(out, 1 << 12);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      if (p[0].trim().equalsIgnoreCase("gzip")) {
        return p.length < 2 || !p[1].replace(" ", "").equals("q=0");
      }
    }
    return false;
  }
}
