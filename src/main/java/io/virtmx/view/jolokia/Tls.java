package io.virtmx.view.jolokia;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jolokia.jvmagent.security.KeyStoreUtil;

/**
 * The view's TLS context: from a PKCS#12 or JKS keystore, or from a PEM certificate and PEM key
 * (RSA or EC).
 */
final class Tls {
  private Tls() {}

  /** The TLS context the settings ask for, or null for plain HTTP. */
  static SSLContext context(JolokiaView.Settings s) throws IOException {
    if (s.keystore() == null && s.certificate() == null) {
      return null;
    }
    char[] password = s.keystorePassword() == null ? new char[0] : s.keystorePassword();
    try {
      KeyStore ks;
      if (s.keystore() != null) {
        ks = KeyStore.getInstance(s.keystore().toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(s.keystore())) {
          ks.load(in, password);
        }
      } else {
        ks = pem(s, password);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(
          "cannot use the Jolokia TLS "
              + (s.keystore() != null
                  ? "keystore " + s.keystore()
                  : "certificate " + s.certificate() + " and key " + s.key())
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * A keystore holding the PEM key and certificate chain; the key's algorithm is the certificate's
   * (RSA, EC).
   */
  private static KeyStore pem(JolokiaView.Settings s, char[] password)
      throws IOException, GeneralSecurityException {
    String algorithm;
    try (InputStream in = Files.newInputStream(s.certificate())) {
      algorithm =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(in)
              .getPublicKey()
              .getAlgorithm();
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, password);
    KeyStoreUtil.updateWithServerCertificate(
        ks, s.certificate().toFile(), s.key().toFile(), algorithm, password);
    return ks;
  }
}
