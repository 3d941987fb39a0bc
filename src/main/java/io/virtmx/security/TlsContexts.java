/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server TLS contexts for every view (metrics, Jolokia, CIM, JMX), so each accepts the same files:
 * a PKCS#12 or JKS key store, or PEM files (certificate chain and unencrypted PKCS#8 key).
 */
public final class TlsContexts {
  private static final Pattern PEM_KEY =
      Pattern.compile(
          "-----BEGIN (RSA |EC )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA |EC )?PRIVATE KEY-----");

  private TlsContexts() {}

  public static SSLContext fromKeyStore(Path file, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
      ks.load(in, password);
      return context(ks, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use key store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * From a PEM certificate (chain) and an unencrypted PKCS#8 ("BEGIN PRIVATE KEY") RSA or EC key.
   */
  public static SSLContext fromPem(Path certificate, Path key) throws IOException {
    try (InputStream in = Files.newInputStream(certificate)) {
      Certificate[] chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(in)
              .toArray(Certificate[]::new);
      if (chain.length == 0) {
        throw new IllegalArgumentException("no certificate in " + certificate);
      }
      Matcher m = PEM_KEY.matcher(Files.readString(key, StandardCharsets.US_ASCII));
      if (!m.find() || m.group(1) != null) {
        throw new IllegalArgumentException(
            key
                + " holds no unencrypted PKCS#8 key (\"BEGIN PRIVATE KEY\"); convert it "
                + "with 'openssl pkcs8 -topk8 -nocrypt -in KEY'");
      }
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      PrivateKey pk = privateKey(der, chain[0].getPublicKey().getAlgorithm());
      char[] none = new char[0];
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, none);
      ks.setKeyEntry("server", pk, none, chain);
      return context(ks, none);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use " + certificate + " / " + key + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(byte[] der, String algorithm)
      throws GeneralSecurityException {
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static SSLContext context(KeyStore ks, char[] password) throws GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
