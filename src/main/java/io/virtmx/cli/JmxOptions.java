package io.virtmx.cli;

import io.virtmx.Agent;
import io.virtmx.config.Durations;
import io.virtmx.security.Authenticator;
import io.virtmx.view.View;
import io.virtmx.view.jmx.JmxView;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Options of the JMX view: MBeans are always registered in this JVM; a port adds the remote RMI
 * connector.
 */
public final class JmxOptions {
  @Option(
      names = "--jmx-port",
      paramLabel = "PORT",
      description = {
        "Serve JMX remotely on PORT (RMI registry and connector on this one port); clients connect to "
            + "service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi. Without it, MBeans are only reachable in this JVM "
            + "(local attach)."
      })
  Integer port;

  @Option(
      names = "--jmx-bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address the JMX port listens on (default: ${DEFAULT-VALUE}); a non-loopback address needs --users.")
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
      names = "--jmx-read-timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Close a remote JMX connection that sends nothing for this long: a stalled or idle client "
              + "(JConsole and other JDK clients reconnect by themselves; default: ${DEFAULT-VALUE}).")
  String readTimeout;

  /** The JMX view these options describe. */
  View view(Agent agent, Authenticator auth) {
    try {
      JmxView.RemoteSettings remote = port == null ? null : remote();
      return new JmxView(agent.snapshots(), agent.operations(), remote, auth);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private JmxView.RemoteSettings remote() throws IOException {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--jmx-port " + port + " is not a port number (1-65535)");
    }
    char[] password = null;
    if (keystore != null) {
      if (keystorePasswordFile == null) {
        throw new IllegalArgumentException("--jmx-tls-keystore needs --jmx-tls-password-file");
      }
      password = PasswordFiles.firstLine(keystorePasswordFile);
    }
    Duration timeout = Durations.parse(readTimeout);
    if (timeout.isZero()) {
      throw new IllegalArgumentException("--jmx-read-timeout must be longer than 0");
    }
    return new JmxView.RemoteSettings(
        InetAddress.getByName(bind), port, keystore, password, timeout);
  }
}
