package io.virtmx.view.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET|HEAD /metrics}: Prometheus text format 0.0.4, or OpenMetrics 1.0 when the client's Accept
 * header asks for it, gzip-compressed when it accepts gzip. Other paths get 404, other methods 405.
 */
final class MetricsHandler implements HttpHandler {
  static final String PATH = "/metrics";
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(MetricsHandler.class);

  private final PrometheusMeterRegistry registry;

  MetricsHandler(PrometheusMeterRegistry registry) {
    this.registry = registry;
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
      String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
      boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, 0);
      write(exchange.getResponseBody(), type, gzip);
    } catch (IOException | RuntimeException e) {
      log.debug("metrics scrape failed", e);
    }
  }

  private void write(OutputStream body, String type, boolean gzip) throws IOException {
    OutputStream out = gzip ? new GZIPOutputStream(body, 1 << 16) : new BufferedOutputStream(body, 1 << 16);
    registry.scrape(out, type);
    out.close();
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
