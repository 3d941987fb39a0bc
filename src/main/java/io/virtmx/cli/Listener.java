/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.security.TlsContexts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.ParseResult;

/**
 * The options every view has, read and checked one way: {@code --[no-]VIEW}, {@code VIEW-port},
 * {@code VIEW-bind} and, where the view speaks TLS, {@code VIEW-tls-keystore} with {@code
 * VIEW-tls-password-file}, or {@code VIEW-tls-cert} with {@code VIEW-tls-key}. An option of a view
 * that is off is an error naming the switch; ports are checked; TLS files are loaded here so that a
 * bad one is reported as such, with its option.
 *
 * @param portGiven whether the port was given (a busy default port only leaves the view off)
 */
record Listener(String view, InetSocketAddress address, boolean portGiven, SSLContext tls) {

  /** The TLS options of a view, as given (any may be null). */
  record TlsFiles(Path keystore, Path passwordFile, Path certificate, Path key) {
    static final TlsFiles NONE = new TlsFiles(null, null, null, null);

    boolean given() {
      return keystore != null || passwordFile != null || certificate != null || key != null;
    }
  }

  /**
   * Checks that no option of a view that is off was given.
   *
   * @param options the view's option names, without the switch itself
   */
  static void checkOff(ParseResult given, String view, boolean enabled, List<String> options) {
    if (enabled || given == null) {
      return;
    }
    for (String option : options) {
      if (given.hasMatchedOption(option)) {
        throw new IllegalArgumentException(
            option + " is given but the " + view + " view is off (turn it on with --" + view + ")");
      }
    }
  }

  static Listener of(
      ParseResult given,
      String view,
      String bind,
      Integer port,
      int defaultPort,
      int minPort,
      TlsFiles tls) {
    int p = port == null ? defaultPort : port;
    if (p < minPort || p > 65535) {
      throw new IllegalArgumentException(
          "--" + view + "-port " + p + " is not a port number (" + minPort + "-65535)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--" + view + "-bind " + bind + ": unknown address");
    }
    boolean portGiven =
        port != null && given != null && given.hasMatchedOption("--" + view + "-port");
    return new Listener(view, new InetSocketAddress(address, p), portGiven, context(view, tls));
  }

  /** The TLS context the files ask for, or null for none. */
  static SSLContext context(String view, TlsFiles tls) {
    String prefix = "--" + view + "-tls-";
    if (tls.keystore() != null && (tls.certificate() != null || tls.key() != null)) {
      throw new IllegalArgumentException(
          "use either " + prefix + "keystore or " + prefix + "cert/" + prefix + "key, not both");
    }
    try {
      if (tls.keystore() != null) {
        if (tls.passwordFile() == null) {
          throw new IllegalArgumentException(prefix + "keystore needs " + prefix + "password-file");
        }
        return TlsContexts.fromKeyStore(
            tls.keystore(), PasswordFiles.firstLine(tls.passwordFile()));
      }
      if (tls.certificate() != null || tls.key() != null) {
        if (tls.certificate() == null || tls.key() == null) {
          throw new IllegalArgumentException(prefix + "cert and " + prefix + "key go together");
        }
        return TlsContexts.fromPem(tls.certificate(), tls.key());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          prefix
              + (tls.keystore() != null
                  ? "keystore " + tls.keystore()
                  : "cert " + tls.certificate())
              + ": "
              + e.getMessage(),
          e);
    }
    if (tls.passwordFile() != null) {
      throw new IllegalArgumentException(prefix + "password-file goes with " + prefix + "keystore");
    }
    return null;
  }

  /** Whether an old spelling was used on the command line or in the config file. */
  static boolean used(ParseResult given, String oldName) {
    return given != null
        && given.originalArgs().stream()
            .anyMatch(a -> a.equals(oldName) || a.startsWith(oldName + "="));
  }
}
