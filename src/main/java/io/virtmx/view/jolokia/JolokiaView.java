package io.virtmx.view.jolokia;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.virtmx.security.Authenticator;
import io.virtmx.security.BasicCredentials;
import io.virtmx.view.View;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jolokia.jvmagent.handler.JolokiaHttpHandler;
import org.jolokia.server.core.config.StaticConfiguration;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaContext;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.server.core.service.impl.ClasspathServiceCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jolokia view: Jolokia 2 serving the platform MBean server (the JMX view's {@code libvirt:*}
 * MBeans and the JVM's {@code java.lang:*}) as JSON over HTTP(S) at {@code /jolokia}, authenticated
 * against the users file and restricted by {@link RoleRestrictor}; a fixed pool of request threads.
 *
 * <pre>curl -s http://127.0.0.1:8778/jolokia/read/libvirt:type=Domain,host=vm,name=test/State
 * {"request":{...},"value":"running","status":200,"timestamp":1718000000}</pre>
 */
public final class JolokiaView implements View {
  private static final Logger log = LoggerFactory.getLogger(JolokiaView.class);
  static final String CONTEXT = "/jolokia";
  private static final int THREADS = 4;

  /**
   * Where and how the view listens. TLS from a PKCS#12/JKS {@code keystore} or a PEM {@code
   * certificate} and {@code key}, or neither for plain HTTP; {@code defaultPort} true when the port
   * was not given (then a busy port only disables the view, with a warning).
   */
  public record Settings(
      InetAddress bind,
      int port,
      boolean defaultPort,
      Path keystore,
      char[] keystorePassword,
      Path certificate,
      Path key,
      List<String> corsOrigins) {}

  private final Settings settings;
  private final Authenticator auth;
  private HttpServer server;
  private boolean portBusy;
  private ExecutorService pool;
  private JolokiaServiceManager services;

  public JolokiaView(Settings settings, Authenticator auth) {
    this.settings = settings;
    this.auth = auth;
    auth.checkBind("--jolokia-bind", settings.bind());
  }

  @Override
  public String describe() {
    if (server == null) {
      return portBusy
          ? "jolokia: off (port " + settings.port() + " is in use)"
          : "jolokia on port " + settings.port();
    }
    return "jolokia at "
        + url()
        + (auth.required() ? " (basic auth)" : " (anonymous viewers, loopback only)");
  }

  /** The agent URL, e.g. {@code http://127.0.0.1:8778/jolokia}. */
  public String url() {
    String scheme = server instanceof HttpsServer ? "https://" : "http://";
    InetSocketAddress a = server.getAddress();
    return scheme + a.getAddress().getHostAddress() + ":" + a.getPort() + CONTEXT;
  }

  @Override
  public void start() throws IOException {
    SSLContext tls = Tls.context(settings);
    try {
      InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
      if (tls != null) {
        HttpsServer https = HttpsServer.create(address, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      } else {
        server = HttpServer.create(address, 64);
      }
    } catch (BindException e) {
      portBusy = true;
      if (settings.defaultPort()) {
        log.warn(
            "Jolokia view not started: default port {} is in use (choose one with --jolokia-port, or "
                + "--no-jolokia)",
            settings.port());
        return;
      }
      throw new IOException("--jolokia-port " + settings.port() + ": " + e.getMessage(), e);
    }
    services =
        JolokiaServiceManagerFactory.createJolokiaServiceManager(
            new StaticConfiguration(config()),
            new Slf4jLogHandler(),
            new RoleRestrictor(ManagementFactory.getPlatformMBeanServer(), settings.corsOrigins()));
    services.addServices(
        new ClasspathServiceCreator(JolokiaView.class.getClassLoader(), "services"));
    services.addService(new ProxyRefusal());
    JolokiaContext context = services.start();
    server.createContext(
        CONTEXT,
        new JolokiaHandler(new JolokiaHttpHandler(context), new BasicCredentials(auth, "jolokia")));
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "virtmx-jolokia-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.start();
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
    if (server != null) {
      server.stop(0);
    }
    if (services != null) {
      services.stop();
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
