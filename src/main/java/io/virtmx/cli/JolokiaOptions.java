package io.virtmx.cli;

import io.virtmx.view.View;
import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.jolokia.JolokiaView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

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
              + "off). When the default port is taken the agent runs without it and logs a warning.")
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
      names = "--jolokia-max-mbeans",
      paramLabel = "N",
      description =
          "MBeans one HTTP request may touch, wildcard names expanded; more is refused (default: 10000).")
  Integer maxMBeans;

  /** The Jolokia view, when enabled. */
  List<View> views(HttpEndpoint endpoint) {
    if (!enabled) {
      return List.of();
    }
    int p = port == null ? DEFAULT_PORT : port;
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("--jolokia-port " + p + " is not a port number (0-65535)");
    }
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException("--jolokia-tls-cert and --jolokia-tls-key go together");
    }
    if (keystore != null && certificate != null) {
      throw new IllegalArgumentException(
          "use either --jolokia-tls-keystore or --jolokia-tls-cert/-key, not both");
    }
    if (keystore != null && passwordFile == null) {
      throw new IllegalArgumentException(
          "--jolokia-tls-keystore needs --jolokia-tls-password-file");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--jolokia-bind " + bind + ": unknown address");
    }
    return List.of(
        new JolokiaView(
            new JolokiaView.Settings(
                address,
                p,
                port == null,
                keystore,
                password(),
                certificate,
                key,
                List.copyOf(corsOrigins),
                limits()),
            endpoint));
  }

  private JolokiaView.Limits limits() {
    JolokiaView.Limits d = JolokiaView.Limits.DEFAULTS;
    return new JolokiaView.Limits(
        d.maxBody(),
        maxBulk == null ? d.maxBulk() : maxBulk,
        maxMBeans == null ? d.maxMBeans() : maxMBeans,
        d.maxResponse(),
        d.concurrency());
  }

  private char[] password() {
    if (passwordFile == null) {
      return null;
    }
    try {
      return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
          .findFirst()
          .orElse("")
          .toCharArray();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--jolokia-tls-password-file " + passwordFile + ": " + e.getMessage());
    }
  }
}
