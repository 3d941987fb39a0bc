/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Operations;
import io.virtmx.view.View;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.management.MBeanServer;

/**
 * The JMX view: every host, domain, disk, interface, pool, volume and network as an MXBean in the
 * platform MBean server (beside the JVM's own, visible to a local JConsole attach), and with a
 * port, the remote RMI connector.
 */
public final class JmxView implements View {
  private final SnapshotSource source;
  private final RemoteConnector remote;
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ScheduledExecutorService registryThread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "virtmx-jmx-registry");
            t.setDaemon(true);
            return t;
          });
  private final MBeanRegistry registry;
  private final RegistryHandOff handOff;

  /**
   * @param remote the remote connector's settings, or null for MBeans in this JVM only
   */
  public JmxView(
      SnapshotSource source,
      Operations operations,
      RemoteSettings remote,
      io.virtmx.security.Authenticator auth) {
    this.source = source;
    this.registry = new MBeanRegistry(server, source, operations, registryThread);
    this.handOff = new RegistryHandOff(registry, registryThread);
    operations.migrations().listen(handOff);
    this.remote = remote == null ? null : new RemoteConnector(remote, auth);
    if (this.remote != null) {
      this.remote.check();
    }
  }

  /**
   * Where the remote connector listens; {@code tls} null for plain RMI; {@code readTimeout} the
   * longest a connection may stall (see {@link BoundSocketFactory}).
   */
  public record RemoteSettings(
      java.net.InetAddress bind,
      int port,
      javax.net.ssl.SSLContext tls,
      java.time.Duration readTimeout) {
    /** The read timeout when none is given. */
    public static final java.time.Duration DEFAULT_READ_TIMEOUT = java.time.Duration.ofSeconds(60);
  }

  @Override
  public String describe() {
    return "jmx: "
        + registry.size()
        + " MBeans in domain '"
        + ObjectNames.DOMAIN
        + "'"
        + (remote == null ? " (local only)" : ", remote at " + remote.url());
  }

  @Override
  public void start() throws IOException {
    source.addListener(handOff);
    for (HostSnapshot s : source.hosts()) {
      registry.updated(null, source.host(s.host()).orElse(s));
    }
    if (remote != null) {
      remote.start(server);
    }
  }

  @Override
  public void close() {
    if (remote != null) {
      remote.close();
    }
    source.removeListener(handOff);
    registryThread.shutdown(); // the changes already queued are applied, then nothing more
    try {
      registryThread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    registryThread.shutdownNow();
    registry.clear();
  }
}
