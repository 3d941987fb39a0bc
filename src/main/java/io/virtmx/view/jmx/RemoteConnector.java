/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.security.Authenticator;
import java.io.IOException;
import java.net.InetAddress;
import java.rmi.AlreadyBoundException;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * The remote JMX connector: an RMI registry and the RMI connector server on one port and one
 * address, optionally TLS, authenticating every client against the users file and checking every
 * call with {@link RemoteAccessGuard}. Clients use {@code
 * service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi}, as for the JDK's own agent. Credentials are
 * deserialized only as {@code String[]}, a client's call only from the classes in {@link
 * #SERIAL_FILTER}, and a connection stalled longer than the read timeout is closed.
 */
final class RemoteConnector {
  /**
   * The classes a JMX client's calls may carry, everything else rejected: what JConsole, VisualVM
   * or jmxterm send (names, strings, boxed and open-type values, queries and notification filters,
   * parameters and attribute values wrapped in MarshalledObject) and the {@code Subject[]} the JDK
   * client sends with every listener registration (its element is null; a Subject's own classes are
   * not allowed, so no client can send a delegation Subject). Arrays are matched by their element
   * type; primitives pass.
   */
  static final String SERIAL_FILTER =
      String.join(
          ";",
          "java.lang.*",
          "java.util.*",
          "java.math.BigInteger",
          "java.math.BigDecimal",
          "java.lang.management.*",
          "javax.management.**",
          "java.rmi.MarshalledObject",
          "javax.security.auth.Subject",
          "!*");

  /** The connector's credentials: only {@code String[]{user, password}}, as JConsole sends. */
  private static final String[] CREDENTIAL_TYPES = {
    String[].class.getName(), String.class.getName()
  };

  private final JmxView.RemoteSettings settings;
  private final Authenticator auth;
  private Registry registry;
  private JMXConnectorServer server;

  RemoteConnector(JmxView.RemoteSettings settings, Authenticator auth) {
    this.settings = settings;
    this.auth = auth;
  }

  /** Checks the options without listening: a non-loopback address needs a users file. */
  void check() {
    auth.checkBind("--jmx-bind", settings.bind());
  }

  void start(MBeanServer mbeans) throws IOException {
    check();
    InetAddress bind = settings.bind();
    if (System.getProperty("java.rmi.server.hostname") == null && !bind.isAnyLocalAddress()) {
      System.setProperty(
          "java.rmi.server.hostname", bind.getHostAddress()); // the address stubs point clients to
    }
    SSLContext tls = settings.tls();
    BoundSocketFactory ssf = new BoundSocketFactory(bind, tls, settings.readTimeout());
    SslRMIClientSocketFactory csf = tls == null ? null : new SslRMIClientSocketFactory();
    registry = LocateRegistry.createRegistry(settings.port(), csf, ssf);
    Map<String, Object> env = new HashMap<>();
    env.put(JMXConnectorServer.AUTHENTICATOR, new ConnectorAuthenticator(auth));
    env.put("jmx.remote.rmi.server.credential.types", CREDENTIAL_TYPES);
    env.put(RMIConnectorServer.SERIAL_FILTER_PATTERN, SERIAL_FILTER);
    RMIJRMPServerImpl rmi = new RMIJRMPServerImpl(settings.port(), csf, ssf, env);
    String host = bind.isAnyLocalAddress() ? "" : bind.getHostAddress();
    server =
        new RMIConnectorServer(new JMXServiceURL("rmi", host, settings.port()), env, rmi, mbeans);
    server.setMBeanServerForwarder(RemoteAccessGuard.create());
    try {
      server.start();
      registry.bind("jmxrmi", rmi.toStub());
    } catch (AlreadyBoundException e) {
      close();
      throw new IOException(e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The address JConsole and VisualVM connect to. */
  String url() {
    String host = settings.bind().isAnyLocalAddress() ? "HOST" : settings.bind().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "service:jmx:rmi:///jndi/rmi://" + host + ":" + settings.port() + "/jmxrmi";
  }

  void close() {
    try {
      if (server != null) {
        server.stop();
      }
    } catch (IOException e) {
      // stopping: nothing left to do
    }
    if (registry != null) {
      try {
        UnicastRemoteObject.unexportObject(registry, true);
      } catch (NoSuchObjectException e) {
        // already gone
      }
    }
  }
}
