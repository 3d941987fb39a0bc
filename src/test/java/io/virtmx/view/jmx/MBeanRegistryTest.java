/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.FixedSource;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.Snapshots;
import io.virtmx.ops.HostConnections;
import io.virtmx.ops.Operations;
import java.time.Instant;
import java.util.Map;
import io.virtmx.model.DomainState;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

class MBeanRegistryTest {
  /** Something else already holding the host's name. */
  public interface SquatterMBean {
    int getValue();
  }

  @Test
  void anMBeanWhoseRegistrationFailedIsRegisteredWithTheNextSnapshot() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
    try {
      HostSnapshot s = HostSnapshot.unreachable("hv1", "test:///default", Instant.EPOCH, Map.of());
      MBeanRegistry registry =
          new MBeanRegistry(
              server, new FixedSource(s), new Operations(new NoHosts(), true), sweeper);
      server.registerMBean(
          new StandardMBean(() -> 1, SquatterMBean.class), ObjectNames.host("hv1"));
      registry.updated(null, s);
      assertThat(server.getAttribute(ObjectNames.host("hv1"), "Value")).isEqualTo(1);

      server.unregisterMBean(ObjectNames.host("hv1"));
      registry.updated(s, s);
      assertThat(server.getAttribute(ObjectNames.host("hv1"), "Uri")).isEqualTo("test:///default");
    } finally {
      sweeper.shutdownNow();
    }
  }

  @Test
  void everyInterfaceIsRegisteredUnderItsModelIdEvenWithoutATargetDevice() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
    try {
      HostSnapshot s =
          Snapshots.host("hv1")
              .domain(
                  Snapshots.domain("off")
                      .disk(Snapshots.disk("vda"))
                      .nic(Snapshots.nic("").mac("52:54:00:00:00:09")))
              .build();
      MBeanRegistry registry =
          new MBeanRegistry(
              server, new FixedSource(s), new Operations(new NoHosts(), true), sweeper);
      registry.updated(null, s);

      ObjectName nic = ObjectNames.networkInterface("hv1", "off", "52:54:00:00:00:09");
      assertThat(server.getAttribute(nic, "Name")).isEqualTo("52:54:00:00:00:09");
      assertThat(server.getAttribute(nic, "RxBytes")).isEqualTo(-1L);
      assertThat(server.getAttribute(ObjectNames.domain("hv1", "off"), "Interfaces"))
          .isEqualTo(new String[] {"52:54:00:00:00:09"});
      assertThat(server.getAttribute(ObjectNames.disk("hv1", "off", "vda"), "Name"))
          .isEqualTo("vda");
    } finally {
      sweeper.shutdownNow();
    }
  }

  @Test
  void everyMBeanOfAKindHoldsTheKindsOneDocumentedInfo() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    HostSnapshot s = HostSnapshot.unreachable("hv1", "test:///default", Instant.EPOCH, Map.of());
    FixedSource source = new FixedSource(s);
    Operations ops = new Operations(new NoHosts(), true);
    ObjectName first = ObjectNames.host("hv1");
    ObjectName second = ObjectNames.host("hv2");
    DocumentedMBean<HostMXBean> a =
        new DocumentedMBean<>(new HostBean(source, ops, "hv1"), HostMXBean.class, Notifier.ofHost(first));
    DocumentedMBean<HostMXBean> b =
        new DocumentedMBean<>(new HostBean(source, ops, "hv2"), HostMXBean.class, Notifier.ofHost(second));
    server.registerMBean(a, first);
    server.registerMBean(b, second);

    MBeanInfo info = server.getMBeanInfo(first);
    assertThat(server.getMBeanInfo(second)).isSameAs(info);
    assertThat(a.getCachedMBeanInfo()).isSameAs(info);
    assertThat(b.getCachedMBeanInfo()).isSameAs(info);
    assertThat(info.getDescription()).isEqualTo(HostMXBean.class.getAnnotation(Doc.class).value());
    assertThat(info.getAttributes()).extracting(MBeanAttributeInfo::getName).contains("Uri", "Up");
    assertThat(info.getNotifications()).hasSize(3);
    assertThat(server.getAttribute(first, "Uri")).isEqualTo("test:///default");
  }

  @Test
  void anObjectGoneFromTheStoreShowsItsVersionInTheLastSnapshotThatHadIt() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch sweepHeld = new CountDownLatch(1);
    sweeper.execute(() -> awaitQuietly(sweepHeld)); // the grace period does not end during the test
    try {
      HostSnapshot running =
          Snapshots.host("hv1")
              .domain(Snapshots.domain("web").running().disk(Snapshots.disk("vda").reads(1, 512, 0)))
              .build();
      HostSnapshot paused =
          Snapshots.host("hv1")
              .domain(
                  Snapshots.domain("web")
                      .running()
                      .state(DomainState.PAUSED)
                      .disk(Snapshots.disk("vda").reads(2, 4096, 0)))
              .build();
      FixedSource source = new FixedSource(running);
      MBeanRegistry registry =
          new MBeanRegistry(server, source, new Operations(new NoHosts(), true), sweeper);
      source.addListener(registry);
      source.publish(running);
      source.publish(paused);
      source.publish(Snapshots.host("hv1").build());

      assertThat(server.getAttribute(ObjectNames.domain("hv1", "web"), "State"))
          .isEqualTo(DomainState.PAUSED.label());
      assertThat(server.getAttribute(ObjectNames.disk("hv1", "web", "vda"), "ReadBytes"))
          .isEqualTo(4096L);
    } finally {
      sweepHeld.countDown();
      sweeper.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An operations service that knows no host (nothing is invoked here). */
  private static final class NoHosts implements HostConnections {
    @Override
    public java.util.Optional<io.virtmx.libvirt.NativeConnect> connection(String host) {
      return java.util.Optional.empty();
    }

    @Override
    public boolean knows(String host) {
      return false;
    }

    @Override
    public void refreshSoon(String host) {}

    @Override
    public void changed(String host, io.virtmx.model.ObjectEvent.Kind kind, String name) {}
  }
}
