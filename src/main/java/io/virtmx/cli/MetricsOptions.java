/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.model.SnapshotSource;
import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.metrics.MetricsView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Command-line options of the Prometheus metrics view (on by default, on 127.0.0.1:9177). */
public final class MetricsOptions {
  static final int DEFAULT_PORT = 9177;

  @Option(
      names = "--metrics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Serve Prometheus metrics at /metrics (default: on; --no-metrics turns it off).")
  boolean enabled = true;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Port of /metrics, 0 for any free port (default: " + DEFAULT_PORT + ").")
  Integer port;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address /metrics listens on; a non-loopback one needs --users (default: ${DEFAULT-VALUE}).")
  String bind;

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

  private static final List<String> OPTIONS =
      List.of(
          "--metrics-port",
          "--metrics-bind",
          "--metrics-tls-keystore",
          "--metrics-tls-password-file",
          "--metrics-tls-cert",
          "--metrics-tls-key");

  /** The metrics view these options ask for, if any. */
  Optional<Planned> view(SnapshotSource source, HttpEndpoint endpoint, ParseResult given) {
    Listener.checkOff(given, "metrics", enabled, OPTIONS);
    if (!enabled) {
      return Optional.empty();
    }
    Listener l =
        Listener.of(
            given,
            "metrics",
            bind,
            port,
            DEFAULT_PORT,
            0,
            new Listener.TlsFiles(keystore, keystorePasswordFile, certificate, key));
    return Optional.of(
        new Planned(
            new MetricsView(source, endpoint, l.address(), l.tls()), "metrics", l.portGiven()));
  }
}
