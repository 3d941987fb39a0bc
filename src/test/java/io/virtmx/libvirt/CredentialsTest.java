/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.libvirt.ConnectAuth.Credential;
import org.libvirt.jna.virConnectCredential;

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

  /**
   * Through libvirt's own callback the answers are malloc'd strings libvirt may free (as it does
   * after every login), and JNA's write-back after a callback does not replace them.
   */
  @Test
  void nativeAnswersAreMallocdStringsThatLibvirtFrees() {
    virConnectCredential first = new virConnectCredential();
    virConnectCredential[] creds = (virConnectCredential[]) first.toArray(2);
    Pointer array = creds[0].getPointer();
    try (Memory defaultName = new Memory(5)) {
      defaultName.setString(0, "root");
      array.setInt(0, 2); // VIR_CRED_AUTHNAME
      array.setPointer(Credentials.CRED_DEFRESULT, defaultName);
      array.setInt(Credentials.CRED_SIZE, 5); // VIR_CRED_PASSPHRASE

      int rc = new Credentials("admin", "s3cret").authCallback(creds[0], 2, null);
      creds[0].autoWrite(); // what JNA does with a Structure argument after the callback

      assertThat(rc).isZero();
      Pointer name = array.getPointer(Credentials.CRED_RESULT);
      Pointer password = array.getPointer(Credentials.CRED_SIZE + Credentials.CRED_RESULT);
      assertThat(name.getString(0)).isEqualTo("admin");
      assertThat(array.getInt(Credentials.CRED_RESULTLEN)).isEqualTo(5);
      assertThat(password.getString(0)).isEqualTo("s3cret");
      assertThat(array.getInt(Credentials.CRED_SIZE + Credentials.CRED_RESULTLEN)).isEqualTo(6);
      Native.free(Pointer.nativeValue(name)); // as libvirt does: fine only for malloc'd memory
      Native.free(Pointer.nativeValue(password));
    }
  }
}
