/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.time.Duration;

/**
 * The limits every HTTP view shares on the one endpoint: how long a client may take, how much it
 * may send in headers, and how many connections it may hold. Defaults are safe for a hypervisor on
 * a hostile network; each is an option ({@code --http-*}).
 *
 * @param idleTimeout a connection on which no byte moves either way is closed (this also ends a
 *     response the client stopped reading)
 * @param headerTimeout a request's line and headers (and a TLS handshake) must be complete this
 *     long after the client starts sending them
 * @param bodyTimeout a request body must be complete this long after its headers
 * @param writeTimeout an answer must be written (read by the client) within this long, or the
 *     connection is closed
 * @param maxHeaderBytes request line and headers together, larger gets 431
 * @param maxHeaders header fields in one request, more gets 431
 * @param maxConnections open connections over all views; beyond, new ones wait in the backlog
 * @param maxConnectionsPerAddress open connections from one client address; beyond, closed at once
 * @param acceptBacklog connections the kernel queues before the endpoint accepts them
 * @param maxThreads request threads shared by every view (each view also has its own concurrency
 *     limit)
 * @param workBudget requests of costly views (Jolokia, CIM) computed at once over all of them, so
 *     that clients cannot take every core from the collection; the others wait, then get 503
 * @param workCpuShare the share of one core those requests may use on average (their CPU time is
 *     counted), so that the collection and libvirtd keep the rest however busy the views are
 */
public record HttpSettings(
    Duration idleTimeout,
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration writeTimeout,
    int maxHeaderBytes,
    int maxHeaders,
    int maxConnections,
    int maxConnectionsPerAddress,
    int acceptBacklog,
    int maxThreads,
    int workBudget,
    double workCpuShare) {

  public static final HttpSettings DEFAULTS =
      new HttpSettings(
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          8192,
          64,
          1024,
          32,
          128,
          24,
          Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
          0.25);

  public HttpSettings {
    positive("idle timeout", idleTimeout);
    positive("header timeout", headerTimeout);
    positive("body timeout", bodyTimeout);
    positive("write timeout", writeTimeout);
    atLeast("header bytes", maxHeaderBytes, 1024);
    atLeast("headers", maxHeaders, 8);
    atLeast("connections", maxConnections, 1);
    atLeast("connections per address", maxConnectionsPerAddress, 1);
    atLeast("accept backlog", acceptBacklog, 1);
    atLeast("threads", maxThreads, 4);
    atLeast("work budget", workBudget, 1);
    if (!(workCpuShare >= 0.05 && workCpuShare <= 64)) {
      throw new IllegalArgumentException(
          "HTTP work CPU share must be between 0.05 and 64 cores, not " + workCpuShare);
    }
  }

  private static void positive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("HTTP " + what + " must be positive, not " + d);
    }
  }

  private static void atLeast(String what, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException("HTTP " + what + " must be at least " + min);
    }
  }
}
