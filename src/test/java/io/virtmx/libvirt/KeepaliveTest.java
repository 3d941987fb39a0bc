/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URIs get keepalive: those libvirt's remote driver serves. */
class KeepaliveTest {
  @Test
  void daemonSocketsAndNetworkTransportsAreRemote() {
    assertThat(Keepalive.isRemote("qemu:///system")).isTrue();
    assertThat(Keepalive.isRemote("qemu+ssh://hv2/system")).isTrue();
    assertThat(Keepalive.isRemote("qemu+tls://hv2/system")).isTrue();
    assertThat(Keepalive.isRemote("test+unix:///default")).isTrue();
  }

  @Test
  void theInProcessTestDriverIsNot() {
    assertThat(Keepalive.isRemote("test:///default")).isFalse();
    assertThat(Keepalive.isRemote("/no/scheme")).isFalse();
  }
}
