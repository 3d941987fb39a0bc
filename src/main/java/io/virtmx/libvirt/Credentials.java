/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.libvirt.ConnectAuth;
import org.libvirt.jna.virConnectCredential;

/**
 * Answers libvirt's authentication callback (SASL, SSH password prompts relayed by libvirt) from
 * configuration, never from a terminal: the user name for {@code VIR_CRED_AUTHNAME}/{@code
 * USERNAME}, the password for {@code PASSPHRASE}/{@code NOECHOPROMPT}. Anything else gets the
 * default libvirt offers, or an empty answer.
 */
public final class Credentials extends ConnectAuth {
  // virConnectCredential (LP64): int type; const char *prompt, *challenge, *defresult;
  // char *result; unsigned int resultlen
  static final int CRED_SIZE = 48;
  static final int CRED_DEFRESULT = 24;
  static final int CRED_RESULT = 32;
  static final int CRED_RESULTLEN = 40;

  private final String username;
  private final String password;

  public Credentials(String username, String password) {
    this.username = username == null ? "" : username;
    this.password = password == null ? "" : password;
    this.credType =
        new CredentialType[] {
          CredentialType.VIR_CRED_AUTHNAME,
          CredentialType.VIR_CRED_USERNAME,
          CredentialType.VIR_CRED_PASSPHRASE,
          CredentialType.VIR_CRED_NOECHOPROMPT,
          CredentialType.VIR_CRED_ECHOPROMPT,
          CredentialType.VIR_CRED_REALM,
        };
  }

  /**
   * No credentials configured: libvirt may still authenticate with keys, certificates or its own
   * auth.conf.
   */
  public static Credentials none() {
    return new Credentials("", "");
  }

  /**
   * libvirt's callback: each answer is written as a string libvirt owns. libvirt frees every {@code
   * result} itself, so it must come from malloc; libvirt-java 0.5.4 writes strings JNA owns, which
   * JNA frees again when they are collected (a double free that aborted the agent some time after
   * a SASL login).
   */
  @Override
  public int authCallback(virConnectCredential first, int count, Pointer opaque) {
    first.setAutoWrite(false); // JNA would write the Java fields back over the answers
    Pointer array = first.getPointer();
    for (int i = 0; i < count; i++) {
      Pointer cred = array.share((long) i * CRED_SIZE);
      Pointer defresult = cred.getPointer(CRED_DEFRESULT);
      String answer =
          answer(
              CredentialType.mapFromInt(cred.getInt(0)),
              defresult == null ? null : defresult.getString(0, StandardCharsets.UTF_8.name()));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      Pointer owned = new Pointer(Native.malloc(bytes.length + 1L));
      owned.write(0, bytes, 0, bytes.length);
      owned.setByte(bytes.length, (byte) 0);
      cred.setPointer(CRED_RESULT, owned);
      cred.setInt(CRED_RESULTLEN, bytes.length);
    }
    return 0;
  }

  /** libvirt-java's form of the callback (not used by libvirt itself, see above). */
  @Override
  public int callback(Credential[] requests) {
    for (Credential c : requests) {
      c.result = answer(c.type, c.defresult);
    }
    return 0;
  }

  private String answer(CredentialType type, String defresult) {
    return switch (type) {
      case VIR_CRED_AUTHNAME, VIR_CRED_USERNAME, VIR_CRED_ECHOPROMPT -> orDefault(username, defresult);
      case VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT -> password;
      default -> defresult == null ? "" : defresult;
    };
  }

  private static String orDefault(String value, String fallback) {
    if (!value.isEmpty()) {
      return value;
    }
    return fallback == null ? "" : fallback;
  }
}
