/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void answersNameAndPasswordPromptsFromConfigurationNeverEmptyHanded() throws Exception {
    Credentials creds = new Credentials("admin", "s3cret");
    var ctor =
        org.libvirt.ConnectAuth.Credential.class.getDeclaredConstructor(
            int.class, String.class, String.class, String.class);
    ctor.setAccessible(true);
    var authname = ctor.newInstance(2, "Username", null, "root");
    var passphrase = ctor.newInstance(5, "Password", null, null);
    var realm = ctor.newInstance(8, "Realm", null, "example.com");

    int rc = creds.callback(new org.libvirt.ConnectAuth.Credential[] {authname, passphrase, realm});

    assertThat(rc).isZero();
    assertThat(authname.result).isEqualTo("admin");
    assertThat(passphrase.result).isEqualTo("s3cret");
    assertThat(realm.result).isEqualTo("example.com");
  }

  @Test
  void withoutConfigurationLibvirtsDefaultsAreUsed() throws Exception {
    var ctor =
        org.libvirt.ConnectAuth.Credential.class.getDeclaredConstructor(
            int.class, String.class, String.class, String.class);
    ctor.setAccessible(true);
    var authname = ctor.newInstance(2, "Username", null, "root");
    var passphrase = ctor.newInstance(5, "Password", null, null);

    Credentials.none().callback(new org.libvirt.ConnectAuth.Credential[] {authname, passphrase});

    assertThat(authname.result).isEqualTo("root");
    assertThat(passphrase.result).isEmpty();
  }
}
