package io.virtmx.view.jolokia;

import io.virtmx.security.TlsContexts;
import java.io.IOException;
import javax.net.ssl.SSLContext;

/** The view's TLS context, from its options, through the agent's one {@link TlsContexts}. */
final class Tls {
  private Tls() {}

  /** The TLS context the settings ask for, or null for plain HTTP. */
  static SSLContext context(JolokiaView.Settings s) throws IOException {
    if (s.keystore() != null) {
      char[] password = s.keystorePassword() == null ? new char[0] : s.keystorePassword();
      return TlsContexts.fromKeyStore(s.keystore(), password);
    }
    if (s.certificate() != null) {
      return TlsContexts.fromPem(s.certificate(), s.key());
    }
    return null;
  }
}
