/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostSpecTest {
  @Test
  void plainUriHasNoName() {
    assertThat(HostSpec.parse("qemu:///system")).isEqualTo(new HostSpec(null, "qemu:///system"));
  }

  @Test
  void nameBeforeTheUri() {
    assertThat(HostSpec.parse("hv2=qemu+ssh://root@hv2/system"))
        .isEqualTo(new HostSpec("hv2", "qemu+ssh://root@hv2/system"));
  }

  @Test
  void equalsSignInTheQueryIsPartOfTheUri() {
    assertThat(HostSpec.parse("qemu+ssh://hv/system?keyfile=/k").uri())
        .isEqualTo("qemu+ssh://hv/system?keyfile=/k");
  }

  @Test
  void uriWithoutSchemeIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> HostSpec.parse("not a uri"))
        .hasMessageContaining("invalid libvirt URI 'not a uri'");
    assertThatThrownBy(() -> HostSpec.parse("/var/run/libvirt")).hasMessageContaining("no scheme");
  }
}
