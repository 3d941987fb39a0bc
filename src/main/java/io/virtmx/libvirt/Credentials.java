/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import org.libvirt.ConnectAuth;

/**
 * Answers libvirt's authentication callback (SASL, SSH password prompts relayed by libvirt) from
 * configuration, never from a terminal: the user name for {@code VIR_CRED_AUTHNAME}/{@code
 * USERNAME}, the password for {@code PASSPHRASE}/{@code NOECHOPROMPT}. Anything else gets the
 * default libvirt offers, or an empty answer.
 */
public final class Credentials extends ConnectAuth {
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

  @Override
  public int callback(Credential[] requests) {
    for (Credential c : requests) {
      c.result =
          switch (c.type) {
            case VIR_CRED_AUTHNAME, VIR_CRED_USERNAME, VIR_CRED_ECHOPROMPT ->
                orDefault(username, c.defresult);
            case VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT -> password;
            default -> c.defresult == null ? "" : c.defresult;
          };
    }
    return 0;
  }

  private static String orDefault(String value, String fallback) {
    if (!value.isEmpty()) {
      return value;
    }
    return fallback == null ? "" : fallback;
  }
}
