/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every network connection of the endpoint: closes one at once when its client address
 * already holds the allowed number, and closes one whose client has started a request (or a TLS
 * handshake) but not finished its headers within the header timeout — the slow-drip attack that an
 * idle timeout alone does not stop. Silent connections are left to the idle timeout.
 */
final class ConnectionGuard implements Connection.Listener {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  /** One open connection: between requests, whether its client has sent anything since. */
  private static final class Tracked {
    final Connection connection;
    final InetSocketAddress remote;
    volatile boolean busy;
    volatile long idleSinceNanos;
    volatile long bytesInAtIdle;

    Tracked(Connection connection, InetSocketAddress remote, long now) {
      this.connection = connection;
      this.remote = remote;
      this.idleSinceNanos = now;
      this.bytesInAtIdle = Math.max(0, connection.getBytesIn());
    }
  }

  private final int maxPerAddress;
  private final long headerTimeoutNanos;
  private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
  private final Map<Connection, Tracked> open = new ConcurrentHashMap<>();
  private final Map<SocketAddress, Tracked> byRemote = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong slowClosed = new AtomicLong();
  private volatile Scheduler.Task sweep;

  ConnectionGuard(HttpSettings settings) {
    this.maxPerAddress = settings.maxConnectionsPerAddress();
    this.headerTimeoutNanos = settings.headerTimeout().toNanos();
  }

  /** Sweeps for slow requests every quarter of the header timeout (at most once a second). */
  void start(Scheduler scheduler) {
    long period =
        Math.max(100, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos) / 4));
    Runnable[] again = new Runnable[1];
    again[0] =
        () -> {
          sweep(System.nanoTime());
          sweep = scheduler.schedule(again[0], period, TimeUnit.MILLISECONDS);
        };
    sweep = scheduler.schedule(again[0], period, TimeUnit.MILLISECONDS);
  }

  void stop() {
    Scheduler.Task t = sweep;
    if (t != null) {
      t.cancel();
    }
  }

  @Override
  public void onOpened(Connection connection) {
    EndPoint endPoint = connection.getEndPoint();
    if (endPoint instanceof SslConnection.SslEndPoint) {
      return; // the decrypted side of a TLS connection: its network side is tracked
    }
    if (!(endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote)) {
      return;
    }
    Tracked tracked = new Tracked(connection, remote, System.nanoTime());
    open.put(connection, tracked);
    byRemote.put(remote, tracked);
    int n = perAddress.merge(remote.getAddress(), 1, Integer::sum);
    if (n > maxPerAddress) {
      if (refused.incrementAndGet() % 1000 == 1) {
        log.warn(
            "closing connections from {}: it holds {} (at most {} per address; {} refused so far)",
            remote.getAddress().getHostAddress(),
            n - 1,
            maxPerAddress,
            refused.get());
      }
      endPoint.close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    // Looked up by the connection: a closed socket no longer knows its remote address.
    Tracked t = open.remove(connection);
    if (t != null) {
      byRemote.remove(t.remote, t);
      perAddress.computeIfPresent(t.remote.getAddress(), (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** A request's headers are in: the connection is busy until {@link #requestEnded}. */
  void requestStarted(SocketAddress remote) {
    Tracked t = byRemote.get(remote);
    if (t != null) {
      t.busy = true;
    }
  }

  void requestEnded(SocketAddress remote) {
    Tracked t = byRemote.get(remote);
    if (t != null) {
      t.bytesInAtIdle = Math.max(0, t.connection.getBytesIn());
      t.idleSinceNanos = System.nanoTime();
      t.busy = false;
    }
  }

  void sweep(long now) {
    for (Tracked t : open.values()) {
      if (!t.busy
          && now - t.idleSinceNanos > headerTimeoutNanos
          && t.connection.getBytesIn() > t.bytesInAtIdle) {
        slowClosed.incrementAndGet();
        t.connection.getEndPoint().close();
      }
    }
  }

  int openConnections() {
    return open.size();
  }

  long refusedConnections() {
    return refused.get();
  }

  long slowRequestsClosed() {
    return slowClosed.get();
  }
}
