/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.ObjectEvent;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived connection to one libvirt URI: opens it with credentials from configuration, turns
 * on {@link Keepalive keepalive} for remote transports, subscribes to events, lends it to
 * collections ({@link ConnectionLeases}), and when libvirt goes away marks the host down and
 * reconnects with capped exponential backoff ({@link ReconnectSchedule}). Nothing else in the agent
 * stops while a host is down.
 */
public final class HostConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HostConnection.class);

  /**
   * Makes the connection for a listener (the host's collector), which must exist before events can
   * arrive.
   */
  @FunctionalInterface
  public interface Factory {
    HostConnection create(ConnectionListener listener);
  }

  /** Opens the native connection; the agent's opens libvirt, a test's may count or fail. */
  @FunctionalInterface
  public interface Opener {
    NativeConnect open(String uri, Credentials credentials, int flags) throws LibvirtException;
  }

  /** Where the connection stands. */
  public enum State {
    NEW,
    UP,
    DOWN,
    CLOSED
  }

  private final String uri;
  private final boolean readOnly;
  private final Credentials credentials;
  private final ScheduledExecutorService scheduler;
  private final ConnectionListener listener;
  private final Opener opener;
  private final ReconnectSchedule reconnects;

  private volatile State state = State.NEW;
  private volatile NativeConnect connect;
  private volatile ConnectionLeases leases;
  private volatile String lastError = "";
  private volatile String hostname;
  private EventSubscription events;

  public HostConnection(
      String uri,
      boolean readOnly,
      Credentials credentials,
      ScheduledExecutorService scheduler,
      ConnectionListener listener) {
    this(uri, readOnly, credentials, scheduler, listener, NativeConnect::new);
  }

  public HostConnection(
      String uri,
      boolean readOnly,
      Credentials credentials,
      ScheduledExecutorService scheduler,
      ConnectionListener listener,
      Opener opener) {
    this.opener = opener;
    this.uri = uri;
    this.readOnly = readOnly;
    this.credentials = credentials;
    this.scheduler = scheduler;
    this.listener = listener;
    this.reconnects = new ReconnectSchedule(uri, scheduler, this::reconnect);
  }

  public String uri() {
    return uri;
  }

  public State state() {
    return state;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /**
   * libvirt's last error for this connection, for one-line reports ("Failed to connect socket…").
   */
  public String lastError() {
    return lastError;
  }

  /** The host name libvirt reported at the last successful open, if there was one. */
  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  /** The open connection, or empty while the host is down. */
  public Optional<NativeConnect> current() {
    NativeConnect c = connect;
    return state == State.UP && c != null ? Optional.of(c) : Optional.empty();
  }

  /**
   * The open connection for a collection, which must {@link Lease#close() give it back}: a
   * connection lost meanwhile is closed only once every lease is given back. Empty while the host
   * is down.
   */
  public Optional<Lease> lease() {
    ConnectionLeases l = leases;
    return state == State.UP && l != null ? l.take() : Optional.empty();
  }

  /** One use of the open connection; closing it gives it back. */
  public static final class Lease implements AutoCloseable {
    private final ConnectionLeases of;
    private boolean returned;

    Lease(ConnectionLeases of) {
      this.of = of;
    }

    public NativeConnect connect() {
      return of.connect();
    }

    @Override
    public void close() {
      if (!returned) {
        returned = true;
        of.giveBack();
      }
    }
  }

  /**
   * Opens the connection now, on the calling thread. On failure the reason is kept in {@link
   * #lastError()} and, when {@code retry} is set, a reconnect is scheduled with backoff.
   */
  public synchronized boolean open(boolean retry) {
    if (state == State.CLOSED) {
      return false;
    }
    NativeConnect c = null;
    try {
      c = opener.open(uri, credentials, readOnly ? 1 : 0);
      hostname = c.getHostName();
      Keepalive.enable(c, uri);
      c.registerCloseListener(
          (closed, reason) ->
              scheduler.execute(() -> connectionLost("closed by libvirt: " + reason)));
      events = EventSubscription.register(c.nativeHandle(), uri, this::event);
      connect = c;
      leases = new ConnectionLeases(c, uri);
      state = State.UP;
      reconnects.succeeded();
      lastError = "";
      log.info("{}: connected (host {})", uri, hostname);
      listener.connected(this);
      return true;
    } catch (LibvirtException | RuntimeException e) {
      lastError = message(e);
      boolean wasUp = state == State.UP;
      state = State.DOWN;
      if (c != null) {
        discard(c); // opened, then failed: close it, or every retry leaks one connection
      }
      if (retry) {
        scheduleReconnect(wasUp);
      }
      listener.lost(this, lastError);
      return false;
    }
  }

  private void event(ObjectEvent event) {
    listener.event(this, event);
  }

  /**
   * Called by a collector whose libvirt call failed: if the connection itself is gone (libvirtd
   * stopped, network cut), the host is marked down and a reconnect is scheduled. Returns true when
   * that happened.
   */
  public boolean checkAlive() {
    NativeConnect c = connect;
    if (c == null || state != State.UP) {
      return false;
    }
    boolean alive;
    try {
      alive = c.isAlive();
    } catch (LibvirtException e) {
      alive = false;
    }
    if (!alive) {
      scheduler.execute(() -> connectionLost("connection is not alive"));
    }
    return alive;
  }

  private synchronized void connectionLost(String reason) {
    if (state != State.UP) {
      return;
    }
    log.warn("{}: lost connection to libvirt ({}); reconnecting", uri, reason);
    lastError = reason;
    state = State.DOWN;
    dispose();
    listener.lost(this, reason);
    scheduleReconnect(true);
  }

  private synchronized void scheduleReconnect(boolean logIt) {
    if (state != State.CLOSED) {
      reconnects.schedule(logIt, lastError);
    }
  }

  private synchronized void reconnect() {
    // this attempt is running: a failure must be able to schedule the next one
    reconnects.attempting();
    if (state == State.DOWN && open(true)) {
      log.info("{}: reconnected", uri);
    }
  }

  /**
   * Stops events and the close listener of the current connection and closes it, at once or, when
   * collections still use it, as the last one gives it back.
   */
  private void dispose() {
    NativeConnect c = connect;
    ConnectionLeases l = leases;
    connect = null;
    leases = null;
    if (c == null) {
      return;
    }
    stopListening(c);
    if (l != null && l.connect() == c) {
      l.retire();
    } else {
      ConnectionLeases.closeQuietly(c, uri);
    }
  }

  /** A connection opened by a failed {@link #open}: whatever was set up on it, undone. */
  private void discard(NativeConnect c) {
    if (c == connect) {
      dispose();
      return;
    }
    stopListening(c);
    ConnectionLeases.closeQuietly(c, uri);
  }

  private void stopListening(NativeConnect c) {
    if (events != null) {
      events.cancel();
      events = null;
    }
    try {
      c.unregisterCloseListener();
    } catch (LibvirtException | RuntimeException e) {
      log.debug("{}: close listener: {}", uri, e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    state = State.CLOSED;
    reconnects.cancel();
    dispose();
  }

  static String message(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.strip();
  }
}
