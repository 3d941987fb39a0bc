package io.virtmx.view.cim;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Operations;
import io.virtmx.security.Authenticator;
import io.virtmx.security.BasicCredentials;
import io.virtmx.security.TlsContexts;
import io.virtmx.view.View;
import io.virtmx.view.cim.schema.ClassRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The CIM/WBEM view: CIM-XML over HTTP (and HTTPS with a keystore) on any path, serving the DMTF
 * virtualization model of one watched host as libvirt-cim names it, from the latest snapshot.
 */
public final class CimView implements View {
  /**
   * Where and how the view listens; {@code port} or {@code httpsPort} 0 turns that listener off.
   */
  public record Settings(
      InetAddress bind,
      int port,
      int httpsPort,
      Path keystore,
      char[] keystorePassword,
      String host) {}

  private final SnapshotSource snapshots;
  private final Settings settings;
  private final Authenticator authenticator;
  private final ClassRepository repo = ClassRepository.fromClasspath();
  private final StateChanges states;
  private final List<HttpServer> servers = new ArrayList<>();
  private ExecutorService pool;
  private HostModel cached;
  private long cachedVersion = -1;

  public CimView(
      SnapshotSource snapshots, Operations operations, Authenticator auth, Settings settings) {
    this.snapshots = snapshots;
    this.settings = settings;
    this.authenticator = auth;
    this.states = new StateChanges(operations);
    auth.checkBind("--cim-bind", settings.bind());
    if (settings.httpsPort() > 0 && settings.keystore() == null && settings.port() <= 0) {
      throw new IllegalArgumentException("--cim-https-port needs --cim-keystore");
    }
  }

  /**
   * The model of the served host's current snapshot, rebuilt when the snapshot or a requested state
   * changes.
   */
  synchronized HostModel model() {
    HostSnapshot h =
        settings.host() != null
            ? snapshots.host(settings.host()).orElse(null)
            : snapshots.hosts().stream().findFirst().orElse(null);
    if (h == null) {
      throw new CimException(
          CimException.FAILED,
          "no snapshot of "
              + (settings.host() == null ? "any host" : "host " + settings.host())
              + " yet");
    }
    if (cached == null || cached.host() != h || cachedVersion != states.version()) {
      cachedVersion = states.version();
      cached = new HostModel(repo, h, states::requestedState);
    }
    return cached;
  }

  @Override
  public String describe() {
    StringBuilder b = new StringBuilder("CIM-XML on ");
    servers.forEach(
        s ->
            b.append(s instanceof HttpsServer ? "https://" : "http://")
                .append(settings.bind().getHostAddress())
                .append(':')
                .append(s.getAddress().getPort())
                .append(' '));
    return b.toString().strip();
  }

  /** The bound HTTP port (useful when configured as an ephemeral port). */
  public int httpPort() {
    return servers.stream()
        .filter(s -> !(s instanceof HttpsServer))
        .findFirst()
        .map(s -> s.getAddress().getPort())
        .orElse(-1);
  }

  @Override
  public void start() throws IOException {
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "virtmx-cim-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    String hostName =
        settings.bind().isLoopbackAddress() ? "localhost" : settings.bind().getHostName();
    CimHandler handler =
        new CimHandler(
            new CimOperations(repo, this::model, states),
            new BasicCredentials(authenticator, "cim"),
            hostName);
    if (settings.port() >= 0 && !(settings.port() == 0 && settings.httpsPort() > 0)) {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
      servers.add(http);
    }
    if (settings.httpsPort() > 0 && settings.keystore() != null) {
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(settings.bind(), settings.httpsPort()), 16);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
      servers.add(https);
    }
    for (HttpServer s : servers) {
      s.createContext("/", handler);
      s.setExecutor(pool);
      s.start();
    }
  }

  private SSLContext sslContext() throws IOException {
    return TlsContexts.fromKeyStore(settings.keystore(), settings.keystorePassword());
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    servers.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
