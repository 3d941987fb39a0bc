/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material for an agent under test, made as users make it: a self-signed certificate for {@code
 * localhost}/127.0.0.1 in a keytool PKCS#12 key store with a password file, the same certificate
 * and its PKCS#8 key as PEM (openssl when installed), and a trust store and {@link SSLContext}
 * trusting it, e.g. {@code TestKeys.create(dir, "EC").keyStore()}.
 */
public final class TestKeys {
  public static final String STORE_PASSWORD = "changeit-tls";
  public static final String TRUST_PASSWORD = "trust-secret";
  private static final String ALIAS = "virtmx";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final Path keyStore;
  private boolean pemWritten;

  private TestKeys(Path dir) {
    this.dir = dir;
    this.keyStore = dir.resolve("agent.p12");
  }

  /** A key pair of {@code algorithm} ("RSA", "EC") in {@code dir}, with every derived file. */
  public static TestKeys create(Path dir, String algorithm) {
    TestKeys keys = new TestKeys(dir);
    try {
      keys.generate(algorithm);
      Files.writeString(keys.passwordFile(), STORE_PASSWORD + "\n");
      keys.writeTrustStore();
    } catch (Exception e) {
      throw new IllegalStateException("cannot make TLS material in " + dir, e);
    }
    return keys;
  }

  /**
   * PKCS#12 key store holding key and certificate under alias "virtmx" ({@link #STORE_PASSWORD}).
   */
  public Path keyStore() {
    return keyStore;
  }

  /** The key store's password on one line, for the {@code --*-tls-password-file} options. */
  public Path passwordFile() {
    return dir.resolve("tls-password");
  }

  /** The certificate as PEM (written on first use). */
  public Path certPem() {
    pem();
    return dir.resolve("agent.crt");
  }

  /** The unencrypted PKCS#8 key as PEM (written on first use). */
  public Path keyPem() {
    pem();
    return dir.resolve("agent.key");
  }

  private synchronized void pem() {
    if (!pemWritten) {
      try {
        exportPem();
      } catch (Exception e) {
        throw new IllegalStateException("cannot export PEM from " + keyStore, e);
      }
      pemWritten = true;
    }
  }

  /** PKCS#12 trust store with the certificate only ({@link #TRUST_PASSWORD}). */
  public Path trustStore() {
    return dir.resolve("trust.p12");
  }

  /** A client context trusting the certificate (and nothing else). */
  public SSLContext sslContext() {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(load(trustStore(), TRUST_PASSWORD));
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void generate(String algorithm) {
    TestBed.exec(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        STORE_PASSWORD,
        "-keypass",
        STORE_PASSWORD,
        "-alias",
        ALIAS,
        "-keyalg",
        algorithm,
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost");
  }

  private void writeTrustStore() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(ALIAS, load(keyStore, STORE_PASSWORD).getCertificate(ALIAS));
    try (OutputStream out = Files.newOutputStream(trustStore())) {
      trust.store(out, TRUST_PASSWORD.toCharArray());
    }
  }

  /** Certificate and unencrypted PKCS#8 key as PEM: with openssl when installed, else in Java. */
  private void exportPem() throws Exception {
    if (TestBed.run(TIMEOUT, List.of("sh", "-c", "command -v openssl")).exitCode() == 0) {
      String pass = "file:" + passwordFile();
      Path raw = dir.resolve("raw.pem");
      String store = keyStore.toString();
      TestBed.exec(
          "openssl",
          "pkcs12",
          "-in",
          store,
          "-passin",
          pass,
          "-nokeys",
          "-clcerts",
          "-out",
          raw.toString());
      TestBed.exec(
          "openssl", "x509", "-in", raw.toString(), "-out", dir.resolve("agent.crt").toString());
      TestBed.exec(
          "openssl",
          "pkcs12",
          "-in",
          store,
          "-passin",
          pass,
          "-nocerts",
          "-nodes",
          "-out",
          raw.toString());
      TestBed.exec(
          "openssl", "pkey", "-in", raw.toString(), "-out", dir.resolve("agent.key").toString());
      Files.delete(raw);
      return;
    }
    KeyStore ks = load(keyStore, STORE_PASSWORD);
    Files.writeString(
        dir.resolve("agent.crt"), pem("CERTIFICATE", ks.getCertificate(ALIAS).getEncoded()));
    Files.writeString(
        dir.resolve("agent.key"),
        pem("PRIVATE KEY", ks.getKey(ALIAS, STORE_PASSWORD.toCharArray()).getEncoded()));
  }

  private static KeyStore load(Path file, String password)
      throws java.io.IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password.toCharArray());
    }
    return ks;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
