/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Accepted connections time out even when RMI asks for its own, much longer, read timeout. */
class BoundSocketFactoryTest {
  @Test
  void aStalledClientTimesOutDespiteRmisTwoHourReadTimeout() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    BoundSocketFactory factory = new BoundSocketFactory(loopback, null, Duration.ofMillis(300));
    try (ServerSocket server = factory.createServerSocket(0);
        Socket client = new Socket(loopback, server.getLocalPort());
        Socket accepted = server.accept()) {
      assertThat(server.getInetAddress()).isEqualTo(loopback);
      assertThat(accepted.getSoTimeout()).isEqualTo(300);
      accepted.setSoTimeout(7_200_000); // what RMI's connection handler does next
      assertThat(accepted.getSoTimeout()).isEqualTo(300);
      accepted.setSoTimeout(0); // "forever"
      assertThat(accepted.getSoTimeout()).isEqualTo(300);
      accepted.setSoTimeout(100);
      assertThat(accepted.getSoTimeout()).isEqualTo(100);
      accepted.setSoTimeout(7_200_000);
      long start = System.nanoTime();
      InputStream in = accepted.getInputStream();
      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(client.isConnected()).isTrue();
    }
  }

  @Test
  void refusesANonPositiveTimeout() {
    assertThatThrownBy(
            () ->
                new BoundSocketFactory(
                    InetAddress.getLoopbackAddress(), null, Duration.ofSeconds(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
