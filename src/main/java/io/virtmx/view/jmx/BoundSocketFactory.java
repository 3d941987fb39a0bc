package io.virtmx.view.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Server sockets on one address (not every interface, as RMI would by default), plain or TLS. The
 * registry and the connector share one instance, so RMI serves both on the same port.
 */
final class BoundSocketFactory implements RMIServerSocketFactory {
  private static final int BACKLOG = 50;

  private final InetAddress address;
  private final SSLContext tls;

  BoundSocketFactory(InetAddress address, SSLContext tls) {
    this.address = address;
    this.tls = tls;
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    if (tls == null) {
      return new ServerSocket(port, BACKLOG, address);
    }
    SSLServerSocket socket =
        (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(port, BACKLOG, address);
    socket.setNeedClientAuth(false);
    return socket;
  }
}
