/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libvirt.ConnectAuth.Credential;

class CredentialsTest {
  /** A prompt as libvirt hands it to the callback (its constructor is not public). */
  private static Credential prompt(int type, String text, String defaultResult) throws Exception {
    var ctor =
        Credential.class.getDeclaredConstructor(
            int.class, String.class, String.class, String.class);
    ctor.setAccessible(true);
    return ctor.newInstance(type, text, null, defaultResult);
  }

  @Test
  void answersNameAndPasswordPromptsFromConfigurationNeverEmptyHanded() throws Exception {
    Credentials creds = new Credentials("admin", "s3cret");
    var authname = prompt(2, "Username", "root");
    var passphrase = prompt(5, "Password", null);
    var realm = prompt(8, "Realm", "example.com");

    int rc = creds.callback(new Credential[] {authname, passphrase, realm});

    assertThat(rc).isZero();
    assertThat(authname.result).isEqualTo("admin");
    assertThat(passphrase.result).isEqualTo("s3cret");
    assertThat(realm.result).isEqualTo("example.com");
  }

  @Test
  void withoutConfigurationLibvirtsDefaultsAreUsed() throws Exception {
    var authname = prompt(2, "Username", "root");
    var passphrase = prompt(5, "Password", null);

    Credentials.none().callback(new Credential[] {authname, passphrase});

    assertThat(authname.result).isEqualTo("root");
    assertThat(passphrase.result).isEmpty();
  }
}
