/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.jolokia.JolokiaView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Options of the Jolokia view (on by default, on 127.0.0.1:8778). */
public final class JolokiaOptions {
  static final int DEFAULT_PORT = 8778;

  @Option(
      names = "--jolokia",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Serve the MBeans as JSON over HTTP with Jolokia at /jolokia (default: on; --no-jolokia turns it "
              + "off).")
  boolean enabled = true;

  @Option(
      names = "--jolokia-port",
      paramLabel = "PORT",
      description = "Port of the Jolokia view (default: " + DEFAULT_PORT + ", Jolokia's).")
  Integer port;

  @Option(
      names = "--jolokia-bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address the Jolokia view listens on (default: ${DEFAULT-VALUE}); a non-loopback address needs "
              + "--users.")
  String bind;

  @Option(
      names = "--jolokia-tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve Jolokia over HTTPS with the key and certificate in this PKCS#12 (or .jks) keystore.")
  Path keystore;

  @Option(
      names = "--jolokia-tls-password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password of the keystore (or of an encrypted PEM key).")
  Path passwordFile;

  @Option(
      names = "--jolokia-tls-cert",
      paramLabel = "FILE",
      description =
          "Serve Jolokia over HTTPS with this PEM certificate (chain); needs --jolokia-tls-key.")
  Path certificate;

  @Option(
      names = "--jolokia-tls-key",
      paramLabel = "FILE",
      description = "PEM private key of --jolokia-tls-cert.")
  Path key;

  @Option(
      names = "--jolokia-cors-origin",
      paramLabel = "ORIGIN",
      description = {
        "Origin a browser console may call Jolokia from, e.g. https://hawtio.example.com; repeatable.",
        "Without it only same-origin browser requests are answered."
      })
  List<String> corsOrigins = new ArrayList<>();

  @Option(
      names = "--jolokia-max-bulk",
      paramLabel = "N",
      description = "Requests one bulk POST may hold (default: 1000).")
  Integer maxBulk;

  @Option(
      names = "--jolokia-max-values",
      paramLabel = "N",
      description =
          "Values one HTTP request may read: MBeans × attributes, wildcard names expanded, a read "
              + "without attributes counting all of them; more is refused (default: 20000).")
  Integer maxValues;

  private static final List<String> OPTIONS =
      List.of(
          "--jolokia-port",
          "--jolokia-bind",
          "--jolokia-tls-keystore",
          "--jolokia-tls-password-file",
          "--jolokia-tls-cert",
          "--jolokia-tls-key",
          "--jolokia-cors-origin",
          "--jolokia-max-bulk",
          "--jolokia-max-values");

  /** The Jolokia view, when enabled. */
  Optional<Planned> view(HttpEndpoint endpoint, ParseResult given) {
    Listener.checkOff(given, "jolokia", enabled, OPTIONS);
    if (!enabled) {
      return Optional.empty();
    }
    Listener l =
        Listener.of(
            given,
            "jolokia",
            bind,
            port,
            DEFAULT_PORT,
            0,
            new Listener.TlsFiles(keystore, passwordFile, certificate, key));
    JolokiaView view =
        new JolokiaView(
            new JolokiaView.Settings(l.address(), l.tls(), List.copyOf(corsOrigins), limits()),
            endpoint);
    return Optional.of(new Planned(view, "jolokia", l.portGiven()));
  }

  private JolokiaView.Limits limits() {
    JolokiaView.Limits d = JolokiaView.Limits.DEFAULTS;
    return new JolokiaView.Limits(
        d.maxBody(),
        maxBulk == null ? d.maxBulk() : maxBulk,
        maxValues == null ? d.maxValues() : maxValues,
        d.maxResponse(),
        d.concurrency());
  }
}
