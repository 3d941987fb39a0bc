package io.virtmx.cli;

import io.virtmx.model.SnapshotSource;
import io.virtmx.security.TlsContexts;
import io.virtmx.view.View;
import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.metrics.MetricsView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/** Command-line options of the Prometheus metrics view. */
public final class MetricsOptions {
  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "9177",
      description =
          "Port of the Prometheus /metrics endpoint, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address /metrics listens on; a non-loopback one needs --users (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--no-metrics", description = "Do not serve Prometheus metrics.")
  boolean disabled;

  @Option(
      names = "--metrics-tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve /metrics over HTTPS with the key and certificate of this PKCS#12 (or .jks) key store.")
  Path keystore;

  @Option(
      names = "--metrics-tls-password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password of --metrics-tls-keystore (never on the command line).")
  Path keystorePasswordFile;

  @Option(
      names = "--metrics-tls-cert",
      paramLabel = "FILE",
      description =
          "Serve /metrics over HTTPS with this PEM certificate chain (with --metrics-tls-key).")
  Path certificate;

  @Option(
      names = "--metrics-tls-key",
      paramLabel = "FILE",
      description = "PEM PKCS#8 private key of --metrics-tls-cert.")
  Path key;

  /** The metrics view these options ask for, if any. */
  Optional<View> view(SnapshotSource source, HttpEndpoint endpoint) {
    if (disabled) {
      return Optional.empty();
    }
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(bind), port);
      return Optional.of(new MetricsView(source, endpoint, address, tls()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SSLContext tls() throws IOException {
    if (keystore != null && certificate != null) {
      throw new IllegalArgumentException(
          "use either --metrics-tls-keystore or --metrics-tls-cert/--metrics-tls-key");
    }
    if (keystore != null) {
      return TlsContexts.fromKeyStore(keystore, PasswordFiles.firstLine(keystorePasswordFile));
    }
    if (certificate != null || key != null) {
      if (certificate == null || key == null) {
        throw new IllegalArgumentException("--metrics-tls-cert and --metrics-tls-key go together");
      }
      return TlsContexts.fromPem(certificate, key);
    }
    return null;
  }
}
