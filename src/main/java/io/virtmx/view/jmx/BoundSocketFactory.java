/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.rmi.server.RMIServerSocketFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Server sockets on one address (not every interface, as RMI would by default), plain or TLS, whose
 * accepted connections time out: a read waits at most {@code readTimeout} (RMI's own 2-hour read
 * timeout is capped to it), so a client that connects and stalls, mid-handshake or between calls,
 * frees its server thread. JDK clients close idle connections after 15 s and open new ones, so they
 * never notice. The registry and the connector share one instance, so RMI serves both on the same
 * port.
 */
final class BoundSocketFactory implements RMIServerSocketFactory {
  private static final int BACKLOG = 50;

  private final InetAddress address;
  private final SSLContext tls;
  private final int readTimeoutMillis;

  BoundSocketFactory(InetAddress address, SSLContext tls, Duration readTimeout) {
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive: " + readTimeout);
    }
    this.address = address;
    this.tls = tls;
    this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return new ServerSocket(port, BACKLOG, address) {
      @Override
      public Socket accept() throws IOException {
        Socket socket = new TimedSocket(readTimeoutMillis);
        implAccept(socket);
        socket.setSoTimeout(readTimeoutMillis);
        return tls == null ? socket : serverTls(socket);
      }
    };
  }

  /** TLS on an accepted connection, server side, no client certificate (as the JDK's own agent). */
  private SSLSocket serverTls(Socket socket) throws IOException {
    SSLSocket ssl =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(
                    socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    ssl.setUseClientMode(false);
    ssl.setNeedClientAuth(false);
    return ssl;
  }

  /** An accepted socket whose read timeout never exceeds the configured one. */
  private static final class TimedSocket extends Socket {
    private final int maxMillis;

    TimedSocket(int maxMillis) {
      this.maxMillis = maxMillis;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      super.setSoTimeout(timeout <= 0 ? maxMillis : Math.min(timeout, maxMillis));
    }
  }
}
