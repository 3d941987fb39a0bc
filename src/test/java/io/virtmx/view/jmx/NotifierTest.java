/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.ObjectEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.Notification;
import org.junit.jupiter.api.Test;

/**
 * Device events as notifications of the Domain MBean: hot-plug as lifecycle, a failure as error, a
 * reached block threshold as warning.
 */
class NotifierTest {
  private final Notifier notifier =
      Notifier.of(ObjectNames.domain("h1", "web1"), ObjectEvent.Kind.DOMAIN, "State");

  private static ObjectEvent event(String name, String alias) {
    return new ObjectEvent(
        "h1", ObjectEvent.Kind.DOMAIN, "web1", "uuid-1", name, alias, Instant.EPOCH);
  }

  @Test
  void aFailedRemovalIsAnErrorNotificationAndHotPlugIsLifecycle() {
    List<Notification> sent = new ArrayList<>();
    notifier.addNotificationListener((n, handback) -> sent.add(n), null, null);

    notifier.lifecycle(event("device-added", "virtio-disk1"));
    notifier.lifecycle(event(ObjectEvent.DEVICE_REMOVAL_FAILED, "virtio-disk1"));

    assertThat(sent)
        .extracting(Notification::getType)
        .containsExactly(
            "libvirt.domain.lifecycle.device-added", "libvirt.domain.error.device-removal-failed");
    assertThat(sent.get(1).getMessage())
        .isEqualTo("domain web1 on h1: device-removal-failed (virtio-disk1)");
  }

  @Test
  void aReachedBlockThresholdIsAWarningWithDeviceThresholdAndExcess() {
    List<Notification> sent = new ArrayList<>();
    notifier.addNotificationListener((n, handback) -> sent.add(n), null, null);
    String detail = ObjectEvent.blockThresholdDetail("vdb", "/img/b.qcow2", 1L << 30, -1L);

    notifier.lifecycle(event(ObjectEvent.BLOCK_THRESHOLD, detail));

    assertThat(sent).singleElement().extracting(Notification::getType)
        .isEqualTo("libvirt.domain.warning.block-threshold");
    assertThat(sent.get(0).getMessage())
        .isEqualTo(
            "domain web1 on h1: block-threshold (device vdb, path /img/b.qcow2, threshold 1073741824"
                + " bytes, excess 18446744073709551615 bytes)");
    assertThat(Arrays.stream(notifier.getNotificationInfo()).flatMap(i -> Arrays.stream(i.getNotifTypes())))
        .contains("libvirt.domain.warning.block-threshold");
  }

  @Test
  void theDomainMBeanDeclaresTheDeviceNotificationsAndAPoolsDoesNot() {
    assertThat(
            Arrays.stream(notifier.getNotificationInfo()).flatMap(i -> Arrays.stream(i.getNotifTypes())))
        .contains(
            "libvirt.domain.lifecycle.device-removed",
            "libvirt.domain.error.device-removal-failed");
    Notifier pool = Notifier.of(ObjectNames.pool("h1", "p"), ObjectEvent.Kind.POOL, "State");
    assertThat(
            Arrays.stream(pool.getNotificationInfo()).flatMap(i -> Arrays.stream(i.getNotifTypes())))
        .noneMatch(t -> t.contains("device"));
  }
}
