/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import io.virtmx.view.View;
import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.http.HttpView;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.net.ssl.SSLContext;
import org.jolokia.server.core.config.StaticConfiguration;
import org.jolokia.server.core.http.HttpRequestHandler;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaContext;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.server.core.service.impl.ClasspathServiceCreator;

/**
 * The Jolokia view: Jolokia 2 serving the platform MBean server (the JMX view's {@code libvirt:*}
 * MBeans and the JVM's {@code java.lang:*}) as JSON over HTTP(S) at {@code /jolokia} on the agent's
 * HTTP endpoint, authenticated against the users file and restricted by {@link RoleRestrictor}.
 *
 * <pre>curl -s http://127.0.0.1:8778/jolokia/read/libvirt:type=Domain,host=vm,name=test/State
 * {"request":{...},"value":"running","status":200,"timestamp":1718000000}</pre>
 */
public final class JolokiaView implements View {
  static final String CONTEXT = "/jolokia";

  /**
   * What one HTTP request may ask of Jolokia.
   *
   * @param maxBody largest POST body
   * @param maxBulk requests in one bulk POST
   * @param maxValues values one HTTP request reads (MBeans × attributes, wildcards expanded)
   * @param maxResponse largest answer; a larger one is replaced by an error
   * @param concurrency requests served at once (more wait up to a second, then get 503)
   */
  public record Limits(
      long maxBody, int maxBulk, int maxValues, long maxResponse, int concurrency) {
    public static final Limits DEFAULTS = new Limits(256 << 10, 1000, 20_000, 16L << 20, 2);

    public Limits {
      if (maxBulk < 1 || maxValues < 1 || maxResponse < 1024) {
        throw new IllegalArgumentException("Jolokia limits out of range");
      }
    }
  }

  /**
   * Where and how the view listens: {@code tls} null for plain HTTP; browser origins allowed
   * besides the server's own.
   */
  public record Settings(
      InetSocketAddress address, SSLContext tls, List<String> corsOrigins, Limits limits) {}

  private final Settings settings;
  private final HttpEndpoint endpoint;
  private HttpEndpoint.Listener listener;
  private JolokiaServiceManager services;

  public JolokiaView(Settings settings, HttpEndpoint endpoint) {
    this.settings = settings;
    this.endpoint = endpoint;
    endpoint.checkBind("--jolokia-bind", settings.address().getAddress());
  }

  @Override
  public String describe() {
    if (listener == null) {
      return "jolokia on port " + settings.address().getPort();
    }
    return "jolokia at "
        + url()
        + (endpoint.authenticates() ? " (basic auth)" : " (anonymous viewers, loopback only)");
  }

  /** The agent URL, e.g. {@code http://127.0.0.1:8778/jolokia}. */
  public String url() {
    return listener.url(CONTEXT);
  }

  @Override
  public void start() throws IOException {
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    services =
        JolokiaServiceManagerFactory.createJolokiaServiceManager(
            new StaticConfiguration(config()),
            new Slf4jLogHandler(),
            new RoleRestrictor(mbeans, settings.corsOrigins()));
    services.addServices(
        new ClasspathServiceCreator(JolokiaView.class.getClassLoader(), "services"));
    services.addService(new RequestRefusal());
    JolokiaContext context = services.start();
    Limits l = settings.limits();
    HttpView handler =
        new JolokiaHandler(
            new HttpRequestHandler(context),
            new RequestLimits(mbeans, l.maxBulk(), l.maxValues()),
            new HttpView.Limits(l.maxBody(), l.concurrency(), Duration.ofSeconds(1), true),
            l.maxResponse());
    try {
      listener = endpoint.serve(handler, settings.address(), settings.tls());
    } catch (IOException e) {
      services.stop();
      services = null;
      throw e;
    }
  }

  /**
   * Jolokia's settings: no JSR-160 proxy, no server detectors or discovery, never error details.
   */
  private static Map<String, String> config() {
    return Map.of(
        "agentContext", CONTEXT,
        "agentId", "virtmx",
        "agentDescription", "virtmx libvirt agent",
        "disabledServices", "org.jolokia.service.jsr160.Jsr160RequestHandler",
        "disableDetectors", "true",
        "discoveryEnabled", "false",
        "allowErrorDetails", "false",
        "includeStackTrace", "false",
        "serializeException", "false",
        "debug", "false");
  }

  @Override
  public void close() {
    if (listener != null) {
      endpoint.stopListening(listener);
      listener = null;
    }
    if (services != null) {
      services.stop();
    }
  }
}
