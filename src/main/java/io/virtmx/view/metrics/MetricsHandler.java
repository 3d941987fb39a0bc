package io.virtmx.view.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET|HEAD /metrics}: Prometheus text format 0.0.4, or OpenMetrics 1.0 when the
 * client's Accept header asks for it, gzip-compressed when it accepts gzip. Other paths get 404,
 * other methods 405.
 *
 * <p>The body is the libvirt families as serialized once per snapshot ({@link CachedExposition}),
 * followed by the rest of the {@code PrometheusMeterRegistry} (agent and JVM meters) written by the
 * same writer at every scrape.
 */
final class MetricsHandler implements HttpHandler {
  static final String PATH = "/metrics";
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final Logger log = LoggerFactory.getLogger(MetricsHandler.class);

  private final PrometheusMeterRegistry registry;
  private final SnapshotCollector collector;

  MetricsHandler(PrometheusMeterRegistry registry, SnapshotCollector collector) {
    this.registry = registry;
    this.collector = collector;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        plain(exchange, 404, "Not found: metrics are at " + PATH + "\n");
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        plain(exchange, 405, "Method not allowed: use GET or HEAD\n");
        return;
      }
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
      boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
      exchange.getResponseHeaders().set("Content-Type", openMetrics ? OPENMETRICS : TEXT);
      exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      List<byte[]> body = render(openMetrics, gzip);
      exchange.sendResponseHeaders(200, body.stream().mapToLong(b -> b.length).sum());
      OutputStream out = exchange.getResponseBody();
      for (byte[] part : body) {
        out.write(part);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("metrics scrape failed", e);
    }
  }

  /** The response body in parts: the cached libvirt part as is, the rest serialized now. */
  List<byte[]> render(boolean openMetrics, boolean gzip) throws IOException {
    CachedExposition.Body cached = collector.exposition().body(openMetrics);
    MetricSnapshots rest = registry.getPrometheusRegistry().scrape(name -> !collector.owns(name));
    ByteArrayOutputStream restBytes = new ByteArrayOutputStream(1 << 15);
    (openMetrics ? CachedExposition.OPENMETRICS : CachedExposition.TEXT).write(restBytes, rest);
    byte[] tail = restBytes.toByteArray();
    return gzip ? gzip(cached, tail) : List.of(cached.plain, tail);
  }

  /**
   * One gzip member: the cached deflate blocks, then the tail's, then CRC-32 and length of both.
   */
  private static List<byte[]> gzip(CachedExposition.Body cached, byte[] tail) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tail.length / 4 + 64);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try (DeflaterOutputStream z = new DeflaterOutputStream(new NonClosing(out), deflater)) {
      z.write(tail);
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(cached.plain);
    crc.update(tail);
    int length = cached.plain.length + tail.length;
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, length);
    return List.of(GZIP_HEADER, cached.deflated(), out.toByteArray());
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

  static void plain(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
