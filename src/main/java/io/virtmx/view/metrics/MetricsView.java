package io.virtmx.view.metrics;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.virtmx.model.SnapshotSource;
import io.virtmx.security.Authenticator;
import io.virtmx.security.BasicCredentials;
import io.virtmx.view.View;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The Prometheus view: {@code GET /metrics} on {@code --metrics-bind:--metrics-port} (default
 * 127.0.0.1:9177), rendering the latest snapshot of every host through Micrometer's {@code
 * PrometheusMeterRegistry}, with optional TLS and, with a users file, HTTP basic authentication
 * (any role may scrape).
 */
public final class MetricsView implements View {
  private final SnapshotSource source;
  private final Authenticator auth;
  private final InetSocketAddress address;
  private final SSLContext tls;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SnapshotCollector collector = new SnapshotCollector();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private AgentMetrics agentMetrics;
  private HttpServer server;
  private ExecutorService threads;

  /**
   * @param tls null for plain HTTP
   */
  public MetricsView(
      SnapshotSource source, Authenticator auth, InetSocketAddress address, SSLContext tls) {
    auth.checkBind("--metrics-bind", address.getAddress());
    this.source = source;
    this.auth = auth;
    this.address = address;
    this.tls = tls;
  }

  @Override
  public String describe() {
    return "metrics on "
        + (tls == null ? "http" : "https")
        + "://"
        + address.getAddress().getHostAddress()
        + ":"
        + port()
        + MetricsHandler.PATH
        + (auth.required() ? " (basic auth)" : "");
  }

  /** The bound port (the configured one, or the one chosen for port 0). */
  public int port() {
    return server == null ? address.getPort() : server.getAddress().getPort();
  }

  @Override
  public void start() throws IOException {
    JvmNaming.apply(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    agentMetrics = new AgentMetrics(source, Clock.systemUTC());
    agentMetrics.bindTo(registry);
    registry.getPrometheusRegistry().register(collector);
    collector.follow(source);
    server = tls == null ? HttpServer.create(address, 64) : https(address, tls);
    HttpContext context = server.createContext("/", new MetricsHandler(registry, collector));
    if (auth.required()) {
      BasicCredentials credentials = new BasicCredentials(auth, "metrics");
      context.setAuthenticator(
          new BasicAuthenticator("virtmx", java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            public boolean checkCredentials(String user, String password) {
              return credentials.check(user, password).isPresent();
            }
          });
    }
    threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "virtmx-metrics-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.start();
  }

  private static HttpsServer https(InetSocketAddress address, SSLContext tls) throws IOException {
    HttpsServer s = HttpsServer.create(address, 64);
    s.setHttpsConfigurator(new HttpsConfigurator(tls));
    return s;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
    }
    source.removeListener(collector);
    if (agentMetrics != null) {
      source.removeListener(agentMetrics);
    }
    collector.close();
    gc.close();
    registry.close();
  }
}
