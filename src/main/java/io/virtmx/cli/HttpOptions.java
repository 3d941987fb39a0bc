/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.config.Durations;
import io.virtmx.view.http.HttpSettings;
import picocli.CommandLine.Option;

/** Options of the one HTTP endpoint that serves metrics, Jolokia and CIM: timeouts and limits. */
public final class HttpOptions {
  private static final HttpSettings D = HttpSettings.DEFAULTS;

  @Option(
      names = "--http-idle-timeout",
      paramLabel = "DURATION",
      description =
          "Close an HTTP connection on which nothing moves for this long, including a response the "
              + "client stops reading (default: 30s).")
  String idleTimeout;

  @Option(
      names = "--http-header-timeout",
      paramLabel = "DURATION",
      description =
          "A request's line and headers, or a TLS handshake, must arrive within this long once the "
              + "client starts sending them (default: 10s).")
  String headerTimeout;

  @Option(
      names = "--http-body-timeout",
      paramLabel = "DURATION",
      description = "A request body must arrive within this long after its headers (default: 30s).")
  String bodyTimeout;

  @Option(
      names = "--http-write-timeout",
      paramLabel = "DURATION",
      description =
          "An answer must be written within this long; a client that stops reading it is "
              + "disconnected (default: 30s).")
  String writeTimeout;

  @Option(
      names = "--http-max-connections-per-address",
      paramLabel = "N",
      description =
          "Open HTTP connections one client address may hold; more are closed at once (default: 32).")
  Integer perAddress;

  @Option(
      names = "--http-max-connections",
      paramLabel = "N",
      description =
          "Open connections per HTTP listener; more wait in the accept backlog (default: 1024).")
  Integer connections;

  @Option(
      names = "--http-threads",
      paramLabel = "N",
      description =
          "Request threads shared by every HTTP view; each view also serves only a few requests at "
              + "once and answers 503 beyond (default: 24).")
  Integer threads;

  @Option(
      names = "--http-work-budget",
      paramLabel = "N",
      description =
          "Jolokia and CIM requests computed at once over both views, so that clients cannot take "
              + "every core from the collection (default: half the cores, at least 1).")
  Integer workBudget;

  @Option(
      names = "--http-work-cpu",
      paramLabel = "CORES",
      description =
          "CPU Jolokia and CIM requests may use on average, in cores, so that the collection and "
              + "libvirtd keep the rest however busy the views are (default: 0.25).")
  Double workCpu;

  HttpSettings settings() {
    return new HttpSettings(
        idleTimeout == null ? D.idleTimeout() : Durations.parse(idleTimeout),
        headerTimeout == null ? D.headerTimeout() : Durations.parse(headerTimeout),
        bodyTimeout == null ? D.bodyTimeout() : Durations.parse(bodyTimeout),
        writeTimeout == null ? D.writeTimeout() : Durations.parse(writeTimeout),
        D.maxHeaderBytes(),
        D.maxHeaders(),
        connections == null ? D.maxConnections() : connections,
        perAddress == null ? D.maxConnectionsPerAddress() : perAddress,
        D.acceptBacklog(),
        threads == null ? D.maxThreads() : threads,
        workBudget == null ? D.workBudget() : workBudget,
        workCpu == null ? D.workCpuShare() : workCpu);
  }
}
