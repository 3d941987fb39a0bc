/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

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
import io.virtmx.view.View;
import io.virtmx.view.http.HttpEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import javax.net.ssl.SSLContext;

/**
 * The Prometheus view: {@code GET /metrics} on {@code --metrics-bind:--metrics-port} (default
 * 127.0.0.1:9177) of the agent's HTTP endpoint: the latest snapshot of every host rendered into the
 * exposition's bytes ({@link SnapshotCollector}), then the agent's own meters from Micrometer's
 * {@code PrometheusMeterRegistry}, with optional TLS and, with a users file, HTTP basic
 * authentication (any role may scrape).
 */
public final class MetricsView implements View {
  private final SnapshotSource source;
  private final HttpEndpoint endpoint;
  private final InetSocketAddress address;
  private final SSLContext tls;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SnapshotCollector collector = new SnapshotCollector();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private AgentMetrics agentMetrics;
  private HttpEndpoint.Listener listener;

  /**
   * @param tls null for plain HTTP
   */
  public MetricsView(
      SnapshotSource source, HttpEndpoint endpoint, InetSocketAddress address, SSLContext tls) {
    endpoint.checkBind("--metrics-bind", address.getAddress());
    this.source = source;
    this.endpoint = endpoint;
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
        + (endpoint.authenticates() ? " (basic auth)" : "");
  }

  /** The bound port (the configured one, or the one chosen for port 0). */
  public int port() {
    return listener == null ? address.getPort() : listener.address().getPort();
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
    collector.follow(source);
    listener = endpoint.serve(new MetricsHandler(registry, collector), address, tls);
  }

  @Override
  public void close() {
    if (listener != null) {
      endpoint.stopListening(listener);
      listener = null;
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
