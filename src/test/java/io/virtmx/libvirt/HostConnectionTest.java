/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.ObjectEvent;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.LibvirtException;

/** Opening and closing a host connection on libvirt's in-process test driver. */
class HostConnectionTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  @BeforeAll
  static void eventLoop() {
    EventLoop.start();
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aFailureAfterTheNativeOpenClosesTheConnectionOnEveryAttempt() {
    HostConnection c = connection(true);
    assertThat(c.open(false)).isFalse();
    assertThat(c.open(false)).isFalse();
    assertThat(c.lastError()).isEqualTo("hostname lookup failed");
    assertThat(opened).hasValue(2);
    assertThat(closed).hasValue(2);
  }

  @Test
  void aConnectionInUseIsClosedOnlyWhenTheCollectionGivesItBack() {
    HostConnection c = connection(false);
    assertThat(c.open(false)).isTrue();
    Optional<HostConnection.Lease> lease = c.lease();
    assertThat(lease).isPresent();
    assertThat(lease.get().connect().nativeHandle()).isNotNull();

    c.close();
    assertThat(closed).as("closed while a collection uses it").hasValue(0);
    assertThat(c.lease()).isEmpty();
    lease.get().close();
    assertThat(closed).hasValue(1);
    lease.get().close();
    assertThat(closed).as("given back once").hasValue(1);
  }

  @Test
  void anIdleConnectionIsClosedAtOnce() {
    HostConnection c = connection(false);
    assertThat(c.open(false)).isTrue();
    c.lease().orElseThrow().close();
    c.close();
    assertThat(closed).hasValue(1);
  }

  private HostConnection connection(boolean failAfterOpen) {
    return new HostConnection(
        "test:///default",
        false,
        Credentials.none(),
        scheduler,
        new Ignore(),
        (uri, credentials, flags) -> new Counting(uri, failAfterOpen));
  }

  /** A test-driver connection counting opens and closes, optionally failing right after opening. */
  private final class Counting extends NativeConnect {
    private final boolean fail;

    Counting(String uri, boolean fail) throws LibvirtException {
      super(uri, null, 0);
      this.fail = fail;
      opened.incrementAndGet();
    }

    @Override
    public String getHostName() throws LibvirtException {
      if (fail) {
        throw new IllegalStateException("hostname lookup failed");
      }
      return super.getHostName();
    }

    @Override
    public int close() throws LibvirtException {
      closed.incrementAndGet();
      return super.close();
    }
  }

  private static final class Ignore implements ConnectionListener {
    @Override
    public void connected(HostConnection connection) {}

    @Override
    public void lost(HostConnection connection, String reason) {}

    @Override
    public void event(HostConnection connection, ObjectEvent event) {}
  }
}
