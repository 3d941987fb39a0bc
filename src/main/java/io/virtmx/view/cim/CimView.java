/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Operations;
import io.virtmx.view.View;
import io.virtmx.view.cim.schema.ClassRepository;
import io.virtmx.view.http.HttpEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The CIM/WBEM view: CIM-XML over HTTP (and HTTPS with a keystore) on any path of its listeners on
 * the agent's HTTP endpoint, serving the DMTF virtualization model of every watched host (each in
 * its namespace) as libvirt-cim names it, from the latest snapshots.
 */
public final class CimView implements View {
  /**
   * Where and how the view listens: HTTP on {@code port} (0: none when HTTPS is served, else any
   * free port) and, with {@code tls}, HTTPS on {@code httpsPort}; indications as {@code delivery}
   * says.
   */
  public record Settings(
      InetAddress bind,
      int port,
      int httpsPort,
      SSLContext tls,
      String host,
      DeliverySettings delivery) {
    public Settings(InetAddress bind, int port, int httpsPort, SSLContext tls, String host) {
      this(bind, port, httpsPort, tls, host, DeliverySettings.defaults());
    }
  }

  private final SnapshotSource snapshots;
  private final Settings settings;
  private final HttpEndpoint endpoint;
  private final ClassRepository repo = ClassRepository.fromClasspath();
  private final StateChanges states;
  private final Operations operations;
  private Supplier<String> firstHost = () -> null;
  private Indications indications;
  private DomainIndications producer;
  private Methods methods;
  private final List<HttpEndpoint.Listener> listeners = new ArrayList<>();
  private final Map<String, HostModel> cached = new HashMap<>();
  private final Map<String, Long> cachedVersion = new HashMap<>();

  public CimView(
      SnapshotSource snapshots, Operations operations, HttpEndpoint endpoint, Settings settings) {
    this.snapshots = snapshots;
    this.settings = settings;
    this.endpoint = endpoint;
    this.states = new StateChanges(operations);
    this.operations = operations;
    endpoint.checkBind("--cim-bind", settings.bind());
  }

  /**
   * The model of the host served in namespace {@code ns}: root/virt (and root/interop) the first
   * watched host (or {@code --cim-host}), root/virt/NAME the watched host NAME; rebuilt when the
   * snapshot or a requested state changes.
   */
  synchronized HostModel model(String ns) {
    String hostName = ns.length() > HostModel.VIRT.length() + 1 && !ns.equals(HostModel.INTEROP)
        ? ns.substring(HostModel.VIRT.length() + 1)
        : null;
    HostSnapshot h = hostName == null ? primary() : watched(hostName);
    if (h == null) {
      if (hostName != null) {
        throw new CimException(
            CimException.INVALID_NAMESPACE,
            "no namespace " + ns + " (this server has " + String.join(", ", namespaces()) + ")");
      }
      throw new CimException(
          CimException.FAILED,
          "no snapshot of "
              + (settings.host() == null ? "any host" : "host " + settings.host())
              + " yet");
    }
    String key = hostName == null ? HostModel.VIRT : HostModel.VIRT + "/" + h.host();
    HostModel m = cached.get(key);
    List<String> served = virtNamespaces();
    if (m == null
        || m.host() != h
        || cachedVersion.getOrDefault(key, -1L) != states.version()
        || !m.virtNamespaces().equals(served)) {
      cachedVersion.put(key, states.version());
      String host = h.host();
      m = new HostModel(repo, key, h, d -> states.requestedState(host, d), served);
      if (methods != null) {
        m.withLive(new ServiceInstances(repo, methods.jobs()));
      }
      cached.put(key, m);
    }
    return m;
  }

  private HostSnapshot primary() {
    String name = settings.host() != null ? settings.host() : firstHost.get();
    return name != null
        ? snapshots.host(name).orElse(null)
        : snapshots.hosts().stream().findFirst().orElse(null);
  }

  /**
   * Names the first watched host as configured (the first --connect), which root/virt serves when
   * --cim-host does not say; without it, the first host to publish a snapshot.
   */
  public CimView withFirstHost(Supplier<String> name) {
    this.firstHost = name;
    return this;
  }

  private HostSnapshot watched(String name) {
    return snapshots.hosts().stream()
        .filter(h -> h.host().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  /** root/virt, then root/virt/NAME for each watched host. */
  List<String> virtNamespaces() {
    List<String> out = new ArrayList<>(List.of(HostModel.VIRT));
    snapshots.hosts().forEach(h -> out.add(HostModel.VIRT + "/" + h.host()));
    return out;
  }

  /** The namespaces a host's instances are served in: root/virt/HOST, and root/virt if first. */
  private List<String> namespacesOf(String host) {
    HostSnapshot first = primary();
    String own = HostModel.VIRT + "/" + host;
    return first != null && first.host().equals(host) ? List.of(HostModel.VIRT, own) : List.of(own);
  }

  private List<String> namespaces() {
    List<String> out = new ArrayList<>(List.of(HostModel.INTEROP));
    out.addAll(virtNamespaces());
    return out;
  }

  @Override
  public String describe() {
    StringBuilder b = new StringBuilder("CIM-XML on ");
    listeners.forEach(l -> b.append(l.url("")).append(' '));
    return b.toString().strip();
  }

  /** The bound HTTP port (useful when configured as an ephemeral port). */
  public int httpPort() {
    return listeners.stream()
        .filter(l -> !l.tls())
        .findFirst()
        .map(l -> l.address().getPort())
        .orElse(-1);
  }

  @Override
  public void start() throws IOException {
    String hostName =
        settings.bind().isLoopbackAddress() ? "localhost" : settings.bind().getHostName();
    indications = new Indications(repo, settings.delivery());
    producer = new DomainIndications(repo, states, this::namespacesOf, indications);
    snapshots.hosts().forEach(h -> producer.updated(null, h));
    snapshots.addListener(producer);
    CimHandler handler =
        new CimHandler(
            new CimOperations(
                repo,
                this::model,
                methods = new Methods(operations, states, indications, this::namespacesOf),
                new IndicationOperations(indications, operations)),
            hostName);
    methods.jobs().watch(new JobIndications(repo, this::namespacesOf, indications));
    if (!(settings.port() == 0 && settings.tls() != null)) {
      listeners.add(
          endpoint.serve(handler, new InetSocketAddress(settings.bind(), settings.port()), null));
    }
    if (settings.tls() != null) {
      listeners.add(
          endpoint.serve(
              handler,
              new InetSocketAddress(settings.bind(), settings.httpsPort()),
              settings.tls()));
    }
  }

  @Override
  public void close() {
    listeners.forEach(endpoint::stopListening);
    listeners.clear();
    if (producer != null) {
      snapshots.removeListener(producer);
      indications.close();
      methods.jobs().close();
      producer = null;
    }
  }
}
