/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.Agent;
import io.virtmx.config.Durations;
import io.virtmx.security.Authenticator;
import io.virtmx.view.jmx.JmxView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * Options of the JMX view: MBeans are always registered in this JVM (Jolokia serves them too);
 * {@code --jmx} adds the remote RMI connector.
 */
public final class JmxOptions {
  private static final Logger log = LoggerFactory.getLogger(JmxOptions.class);
  static final int DEFAULT_PORT = 9010;

  @Option(
      names = "--jmx",
      negatable = true,
      fallbackValue = "true",
      description = {
        "Serve JMX remotely (RMI registry and connector on one port); clients connect to "
            + "service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi. Without it, MBeans are only reachable in this "
            + "JVM (local attach) and through Jolokia (default: off)."
      })
  Boolean enabled;

  @Option(
      names = "--jmx-port",
      paramLabel = "PORT",
      description = "Port of remote JMX (default: " + DEFAULT_PORT + ").")
  Integer port;

  @Option(
      names = "--jmx-bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address remote JMX listens on (default: ${DEFAULT-VALUE}); a non-loopback address needs --users.")
  String bind;

  @Option(
      names = "--jmx-tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve JMX over TLS with the key and certificate in this PKCS#12 (or .jks) keystore.")
  Path keystore;

  @Option(
      names = "--jmx-tls-password-file",
      paramLabel = "FILE",
      description = "File whose first line is the TLS keystore's password.")
  Path keystorePasswordFile;

  @Option(
      names = "--jmx-tls-cert",
      paramLabel = "FILE",
      description = "Serve JMX over TLS with this PEM certificate chain (with --jmx-tls-key).")
  Path certificate;

  @Option(
      names = "--jmx-tls-key",
      paramLabel = "FILE",
      description = "PEM PKCS#8 private key of --jmx-tls-cert.")
  Path key;

  @Option(
      names = "--jmx-read-timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Close a remote JMX connection that sends nothing for this long: a stalled or idle client "
              + "(JConsole and other JDK clients reconnect by themselves; default: ${DEFAULT-VALUE}).")
  String readTimeout;

  private static final List<String> OPTIONS =
      List.of(
          "--jmx-bind",
          "--jmx-tls-keystore",
          "--jmx-tls-password-file",
          "--jmx-tls-cert",
          "--jmx-tls-key",
          "--jmx-read-timeout");

  /** The JMX view these options describe: always the MBeans, with the connector when asked. */
  Planned view(Agent agent, Authenticator auth, ParseResult given) {
    boolean remote = enabled != null ? enabled : port != null;
    if (enabled == null && port != null) {
      log.warn("--jmx-port without --jmx is the old way to ask for remote JMX: add --jmx");
    }
    if (Boolean.FALSE.equals(enabled) && port != null) {
      throw new IllegalArgumentException(
          "--jmx-port is given but remote JMX is off (turn it on with --jmx)");
    }
    Listener.checkOff(given, "jmx", remote, OPTIONS);
    if (!remote) {
      return new Planned(
          new JmxView(agent.snapshots(), agent.operations(), null, auth), "jmx", false);
    }
    Listener l =
        Listener.of(
            given,
            "jmx",
            bind,
            port,
            DEFAULT_PORT,
            1,
            new Listener.TlsFiles(keystore, keystorePasswordFile, certificate, key));
    Duration timeout = Durations.parse(readTimeout);
    if (timeout.isZero()) {
      throw new IllegalArgumentException("--jmx-read-timeout must be longer than 0");
    }
    JmxView.RemoteSettings settings =
        new JmxView.RemoteSettings(
            l.address().getAddress(), l.address().getPort(), l.tls(), timeout);
    return new Planned(
        new JmxView(agent.snapshots(), agent.operations(), settings, auth), "jmx", l.portGiven());
  }
}
