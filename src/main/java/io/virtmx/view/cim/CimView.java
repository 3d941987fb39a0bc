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
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The CIM/WBEM view: CIM-XML over HTTP (and HTTPS with a keystore) on any path of its listeners on
 * the agent's HTTP endpoint, serving the DMTF virtualization model of one watched host as
 * libvirt-cim names it, from the latest snapshot.
 */
public final class CimView implements View {
  /**
   * Where and how the view listens: HTTP on {@code port} (0: none when HTTPS is served, else any
   * free port) and, with {@code tls}, HTTPS on {@code httpsPort}.
   */
  public record Settings(InetAddress bind, int port, int httpsPort, SSLContext tls, String host) {}

  private final SnapshotSource snapshots;
  private final Settings settings;
  private final HttpEndpoint endpoint;
  private final ClassRepository repo = ClassRepository.fromClasspath();
  private final StateChanges states;
  private final List<HttpEndpoint.Listener> listeners = new ArrayList<>();
  private HostModel cached;
  private long cachedVersion = -1;

  public CimView(
      SnapshotSource snapshots, Operations operations, HttpEndpoint endpoint, Settings settings) {
    this.snapshots = snapshots;
    this.settings = settings;
    this.endpoint = endpoint;
    this.states = new StateChanges(operations);
    endpoint.checkBind("--cim-bind", settings.bind());
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
    CimHandler handler = new CimHandler(new CimOperations(repo, this::model, states), hostName);
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
  }
}
