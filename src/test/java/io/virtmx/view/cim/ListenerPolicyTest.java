/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerPolicyTest {
  private final ListenerPolicy loopback = new ListenerPolicy(DeliverySettings.defaults().allowedListeners());

  @Test
  void loopbackHttpAndHttpsAreAllowedByDefault() {
    assertThat(loopback.check("http://127.0.0.1:5990/x").getPort()).isEqualTo(5990);
    assertThat(loopback.check("https://[::1]:5991").getScheme()).isEqualTo("https");
  }

  @Test
  void otherSchemesUsersAndNetworksAreRefused() {
    for (String bad :
        List.of("file:///etc/shadow", "ftp://127.0.0.1/", "http://u:p@127.0.0.1/", "http://198.18.0.2:80/", "gopher://x")) {
      assertThatThrownBy(() -> loopback.check(bad))
          .isInstanceOfSatisfying(
              CimException.class, e -> assertThat(e.code()).isEqualTo(CimException.INVALID_PARAMETER));
    }
  }

  @Test
  void allowedBlocksWidenIt() {
    ListenerPolicy bed = new ListenerPolicy(List.of("198.18.0.0/15"));
    assertThat(bed.check("http://198.19.255.1:5990").getHost()).isEqualTo("198.19.255.1");
    assertThatThrownBy(() -> bed.check("http://198.20.0.1:5990")).isInstanceOf(CimException.class);
    assertThatThrownBy(() -> bed.check("http://127.0.0.1:5990")).isInstanceOf(CimException.class);
    assertThatThrownBy(() -> new ListenerPolicy(List.of("example.com/8")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
