/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.Agent;
import io.virtmx.config.Durations;
import io.virtmx.view.cim.CimView;
import io.virtmx.view.cim.DeliverySettings;
import io.virtmx.view.http.HttpEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Command-line options of the CIM/WBEM view (off by default; HTTP 5988, HTTPS 5989). */
public final class CimOptions {
  private static final Logger log = LoggerFactory.getLogger(CimOptions.class);
  static final int DEFAULT_PORT = 5988;
  static final int DEFAULT_HTTPS_PORT = 5989;

  @Option(
      names = "--cim",
      negatable = true,
      fallbackValue = "true",
      description =
          "Serve CIM-XML (WBEM) in the DMTF virtualization model, as libvirt-cim does (default: off).")
  boolean enabled;

  @Option(
      names = "--cim-port",
      paramLabel = "PORT",
      description = "HTTP port of the WBEM server; 0 for none (default: " + DEFAULT_PORT + ").")
  Integer port;

  @Option(
      names = "--cim-https-port",
      paramLabel = "PORT",
      description =
          "HTTPS port of the WBEM server, used with its TLS options (default: "
              + DEFAULT_HTTPS_PORT
              + ").")
  Integer httpsPort;

  @Option(
      names = "--cim-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address the WBEM server listens on; a non-loopback one needs --users (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--cim-tls-keystore",
      paramLabel = "FILE",
      description = "Serve HTTPS with the key and certificate of this PKCS#12 (or .jks) key store.")
  Path keystore;

  @Option(names = "--cim-keystore", paramLabel = "FILE", hidden = true)
  Path oldKeystore;

  @Option(
      names = "--cim-tls-password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password of --cim-tls-keystore (never on the command line).")
  Path keystorePasswordFile;

  @Option(
      names = "--cim-tls-cert",
      paramLabel = "FILE",
      description = "Serve HTTPS with this PEM certificate chain (with --cim-tls-key).")
  Path certificate;

  @Option(
      names = "--cim-tls-key",
      paramLabel = "FILE",
      description = "PEM PKCS#8 private key of --cim-tls-cert.")
  Path key;

  @Option(
      names = "--cim-host",
      paramLabel = "NAME",
      description = "Watched host the WBEM server serves (default: the first).")
  String host;

  @Option(
      names = "--cim-listener-allow",
      paramLabel = "CIDR",
      split = ",",
      description =
          "Networks an indication listener URL may point into (repeatable; default: 127.0.0.0/8 and ::1, loopback only).")
  List<String> listenerAllow;

  @Option(
      names = "--cim-subscriptions-file",
      paramLabel = "FILE",
      description =
          "File CIM indication subscriptions are kept in across restarts (default: cim-subscriptions in $STATE_DIRECTORY when set, /var/lib/virtmx for the service; else memory only).")
  Path subscriptionsFile;

  @Option(
      names = "--cim-delivery-retry-attempts",
      paramLabel = "N",
      defaultValue = "3",
      description = "Retries of a failed indication delivery (default: ${DEFAULT-VALUE}).")
  int retryAttempts;

  @Option(
      names = "--cim-delivery-retry-interval",
      paramLabel = "DURATION",
      defaultValue = "20s",
      description = "Time between retries of a failed indication delivery (default: ${DEFAULT-VALUE}).")
  String retryInterval;

  @Option(
      names = "--cim-subscription-removal-interval",
      paramLabel = "DURATION",
      defaultValue = "720h",
      description =
          "How long a listener may keep failing before its subscriptions are removed (default: ${DEFAULT-VALUE}).")
  String removalInterval;

  @Option(
      names = "--cim-subscription-removal-action",
      paramLabel = "ACTION",
      defaultValue = "remove",
      description =
          "What happens then to the subscriptions: remove, disable or ignore (default: ${DEFAULT-VALUE}).")
  String removalAction;

  private static final List<String> OPTIONS =
      List.of(
          "--cim-port",
          "--cim-https-port",
          "--cim-bind",
          "--cim-tls-keystore",
          "--cim-keystore",
          "--cim-tls-password-file",
          "--cim-tls-cert",
          "--cim-tls-key",
          "--cim-host",
          "--cim-listener-allow",
          "--cim-subscriptions-file",
          "--cim-delivery-retry-attempts",
          "--cim-delivery-retry-interval",
          "--cim-subscription-removal-interval",
          "--cim-subscription-removal-action");

  /** The CIM view, when enabled. */
  Optional<Planned> view(Agent agent, HttpEndpoint endpoint, ParseResult given) {
    Listener.checkOff(given, "cim", enabled, OPTIONS);
    if (!enabled) {
      return Optional.empty();
    }
    if (oldKeystore != null) {
      log.warn(
          "--cim-keystore is the old spelling of --cim-tls-keystore: it goes in the next release");
      if (keystore == null) {
        keystore = oldKeystore;
      }
    }
    Listener.TlsFiles files =
        new Listener.TlsFiles(keystore, keystorePasswordFile, certificate, key);
    Listener http = Listener.of(given, "cim", bind, port, DEFAULT_PORT, 0, Listener.TlsFiles.NONE);
    int https = httpsPort == null ? DEFAULT_HTTPS_PORT : httpsPort;
    if (https < 1 || https > 65535) {
      throw new IllegalArgumentException(
          "--cim-https-port " + https + " is not a port number (1-65535)");
    }
    if (httpsPort != null && !files.given()) {
      throw new IllegalArgumentException(
          "--cim-https-port needs --cim-tls-keystore or --cim-tls-cert/--cim-tls-key");
    }
    CimView view =
        new CimView(
            agent.snapshots(),
            agent.operations(),
            endpoint,
            new CimView.Settings(
                http.address().getAddress(),
                http.address().getPort(),
                https,
                Listener.context("cim", files),
                host,
                    delivery()))
            .withFirstHost(
                () -> agent.collectors().isEmpty() ? null : agent.collectors().get(0).name());
    boolean portGiven =
        given != null
            && (given.hasMatchedOption("--cim-port") || given.hasMatchedOption("--cim-https-port"));
    return Optional.of(new Planned(view, "cim", portGiven));
  }

  /** The indication delivery settings the options give. */
  DeliverySettings delivery() {
    DeliverySettings.RemovalAction action;
    try {
      action = DeliverySettings.RemovalAction.valueOf(removalAction.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--cim-subscription-removal-action must be remove, disable or ignore, not " + removalAction);
    }
    Path file = subscriptionsFile;
    String stateDir = System.getenv("STATE_DIRECTORY");
    if (file == null && stateDir != null && !stateDir.isBlank()) {
      file = Path.of(stateDir.split(":")[0], "cim-subscriptions");
    }
    return new DeliverySettings(
        retryAttempts,
        Durations.parse(retryInterval),
        action,
        Durations.parse(removalInterval),
        listenerAllow == null || listenerAllow.isEmpty()
            ? DeliverySettings.defaults().allowedListeners()
            : listenerAllow,
        file);
  }
}
