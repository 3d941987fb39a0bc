/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import io.virtmx.security.Authenticator;
import io.virtmx.security.BasicCredentials;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP server of the agent (Jetty's core server): every HTTP view is a listener on it, with
 * its own address, port, TLS and {@link Gate}, sharing one bounded thread pool, one {@link
 * ConnectionGuard} and the same {@link HttpSettings}. Nothing here knows a view's protocol.
 *
 * <p>TLS listeners speak TLS 1.2 and 1.3 with forward-secret suites only.
 */
public final class HttpEndpoint implements AutoCloseable {
  /** Forward-secret suites: TLS 1.3's, and TLS 1.2's ECDHE/DHE with AEAD ciphers. */
  static final String[] CIPHER_SUITES = {
    "^TLS_AES_.*$",
    "^TLS_CHACHA20_.*$",
    "^TLS_ECDHE_.*_(GCM|CHACHA20_POLY1305)_.*$",
    "^TLS_DHE_.*_GCM_.*$"
  };

  static final int WAITING_PER_ADDRESS = 16;
  static final long WAITING_BYTES = 16L << 20;
  static final long CPU_BURST_NANOS = 500_000_000L;

  private final HttpSettings settings;
  private final Authenticator auth;
  private final Server server;
  private final ConnectionGuard guard;
  private final Map<Connector, Gate> gates = new ConcurrentHashMap<>();
  private Admission work;

  public HttpEndpoint(HttpSettings settings, Authenticator auth) {
    this.settings = settings;
    this.auth = auth;
    // Jetty's own tasks need an unbounded job queue; what bounds the work is the connection caps
    // and each view's permits. Request threads run at a lower priority than the collection.
    QueuedThreadPool pool =
        new QueuedThreadPool(
            settings.maxThreads(), 1, 60_000, 0, null, null, new LowPriorityThreads("virtmx-http"));
    pool.setName("virtmx-http");
    pool.setDaemon(true);
    this.server = new Server(pool);
    this.guard = new ConnectionGuard(settings);
    server.setHandler(new Dispatch());
    server.setErrorHandler(HttpEndpoint::plainError);
    server.setStopTimeout(1000);
  }

  /** Checks that a view may listen on {@code bind}: a non-loopback address needs a users file. */
  public void checkBind(String option, java.net.InetAddress bind) {
    auth.checkBind(option, bind);
  }

  /** Whether clients must authenticate (a users file is configured). */
  public boolean authenticates() {
    return auth.required();
  }

  /** One view listening on one address: where it is, for logs and tests. */
  public record Listener(String view, InetSocketAddress address, boolean tls) {
    public String url(String path) {
      String host = address.getAddress().getHostAddress();
      if (host.contains(":")) {
        host = "[" + host + "]";
      }
      return (tls ? "https://" : "http://") + host + ":" + address.getPort() + path;
    }
  }

  /**
   * Starts serving {@code view} on {@code address} (port 0 for any free port), over TLS when {@code
   * tls} is given. A port that cannot be bound throws a {@link BindException}.
   */
  public synchronized Listener serve(HttpView view, InetSocketAddress address, SSLContext tls)
      throws IOException {
    auth.checkBind("--" + view.name() + "-bind", address.getAddress());
    startServer();
    ServerConnector connector = connector(address, tls);
    try {
      connector.open();
    } catch (IOException e) {
      throw bindFailure(view, address, e);
    }
    gates.put(
        connector,
        new Gate(
            view,
            new BasicCredentials(auth, view.name()),
            guard,
            settings,
            server.getThreadPool(),
            server.getScheduler(),
            view.limits().costly() ? work : admission(view.limits().concurrency(), null)));
    server.addConnector(connector);
    try {
      connector.start();
    } catch (Exception e) {
      stopListening(connector);
      throw new IOException("cannot start the " + view.name() + " listener: " + e.getMessage(), e);
    }
    return new Listener(
        view.name(),
        new InetSocketAddress(address.getAddress(), connector.getLocalPort()),
        tls != null);
  }

  private ServerConnector connector(InetSocketAddress address, SSLContext tls) {
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(settings.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setIdleTimeout(settings.idleTimeout().toMillis());
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    ServerConnector c =
        tls == null
            ? new ServerConnector(server, 0, 1, plain)
            : new ServerConnector(
                server,
                0,
                1,
                new SslConnectionFactory(sslFactory(tls), HttpVersion.HTTP_1_1.asString()),
                plain);
    c.setHost(address.getAddress().getHostAddress());
    c.setPort(address.getPort());
    c.setIdleTimeout(settings.idleTimeout().toMillis());
    c.setAcceptQueueSize(settings.acceptBacklog());
    c.setReuseAddress(true);
    c.addBean(guard);
    c.addBean(new NetworkConnectionLimit(settings.maxConnections(), c));
    return c;
  }

  static SslContextFactory.Server sslFactory(SSLContext tls) {
    SslContextFactory.Server f = new SslContextFactory.Server();
    f.setSslContext(tls);
    f.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    f.setIncludeCipherSuites(CIPHER_SUITES);
    f.setRenegotiationAllowed(false);
    return f;
  }

  /**
   * A queue of its own for a view, or for the costly views together: a few requests waiting per
   * client address, at most {@link #WAITING_BYTES} of their bodies in all.
   */
  private Admission admission(int permits, Admission.CpuBudget cpu) {
    return new Admission(
        permits,
        WAITING_PER_ADDRESS,
        WAITING_BYTES,
        cpu,
        server.getThreadPool(),
        server.getScheduler());
  }

  private void startServer() throws IOException {
    if (server.isStarted()) {
      return;
    }
    try {
      server.start();
      work =
          admission(
              settings.workBudget(),
              new Admission.CpuBudget(settings.workCpuShare(), CPU_BURST_NANOS));
      guard.start(server.getScheduler());
    } catch (Exception e) {
      throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
    }
  }

  private static IOException bindFailure(HttpView view, InetSocketAddress address, IOException e) {
    Throwable cause = e.getCause() instanceof BindException b ? b : e;
    if (cause instanceof BindException) {
      BindException b =
          new BindException(
              "port "
                  + address.getPort()
                  + " on "
                  + address.getAddress().getHostAddress()
                  + " is in use or not available ("
                  + cause.getMessage()
                  + ")");
      b.initCause(e);
      return b;
    }
    return new IOException("cannot listen for " + view.name() + ": " + e.getMessage(), e);
  }

  /** Stops one listener (its view was closed); the server goes on for the others. */
  public synchronized void stopListening(Listener listener) {
    for (Connector c : server.getConnectors()) {
      if (c instanceof ServerConnector s && s.getLocalPort() == listener.address().getPort()) {
        stopListening(s);
      }
    }
  }

  private void stopListening(ServerConnector connector) {
    gates.remove(connector);
    try {
      connector.stop();
    } catch (Exception e) {
      // closing anyway
    }
    connector.close();
    server.removeConnector(connector);
  }

  /** How many connections are open now over every listener (for tests and the agent's metrics). */
  public int openConnections() {
    return guard.openConnections();
  }

  @Override
  public synchronized void close() {
    guard.stop();
    try {
      server.stop();
    } catch (Exception e) {
      // stopping: nothing left to do
    }
  }

  /** Routes each request to the gate of the listener it came in on. */
  private final class Dispatch extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Gate gate = gates.get(request.getConnectionMetaData().getConnector());
      return gate != null && gate.handle(request, response, callback);
    }
  }

  /** Errors the server answers itself (bad request line, headers too large…): one plain line. */
  private static boolean plainError(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String text = status + " " + HttpStatus.getMessage(status) + "\n";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, BufferUtil.toBuffer(text, StandardCharsets.UTF_8), callback);
    return true;
  }
}
