/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.ObjectEvent;
import io.virtmx.ops.MigrationEvent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * Sends the notifications of one MBean: a libvirt lifecycle event as type {@code
 * libvirt.domain.lifecycle.stopped} with message "domain web01 on hv1: stopped (destroyed)" and
 * open-type user data (host, kind, name, uuid, event, detail, time), errors and warnings such as
 * {@code libvirt.domain.warning.block-threshold}, and {@link
 * AttributeChangeNotification}s.
 */
final class Notifier extends NotificationBroadcasterSupport {
  /** Type prefix of migration notifications: {@code libvirt.domain.migration.completed}. */
  static final String MIGRATION = "libvirt.domain.migration.";

  private static final String[] ITEMS = {"host", "kind", "name", "uuid", "event", "detail", "time"};
  static final CompositeType EVENT_TYPE = eventType();
  private static final Map<String, MBeanNotificationInfo[]> INFOS = new ConcurrentHashMap<>();

  private final ObjectName source;
  private final AtomicLong sequence = new AtomicLong();

  private Notifier(ObjectName source, MBeanNotificationInfo... info) {
    super(info);
    this.source = source;
  }

  /**
   * For an MBean with lifecycle events of {@code kind} and change notifications of {@code
   * attribute}.
   */
  static Notifier of(ObjectName source, ObjectEvent.Kind kind, String attribute) {
    return new Notifier(source, INFOS.computeIfAbsent(kind + "\0" + attribute, k -> infos(kind, attribute)));
  }

  /** What the MBeans of one kind send, described once for all of them. */
  private static MBeanNotificationInfo[] infos(ObjectEvent.Kind kind, String attribute) {
    String prefix = prefix(kind);
    String[] types = kind.lifecycleEvents().stream().map(e -> prefix + e).toArray(String[]::new);
    MBeanNotificationInfo lifecycle =
        new MBeanNotificationInfo(
            types,
            Notification.class.getName(),
            "libvirt lifecycle event of this "
                + kind.name().toLowerCase(Locale.ROOT)
                + "; user data: "
                + String.join(", ", ITEMS));
    if (kind != ObjectEvent.Kind.DOMAIN) {
      return new MBeanNotificationInfo[] {lifecycle, changeInfo(attribute)};
    }
    MBeanNotificationInfo devices =
        new MBeanNotificationInfo(
            new String[] {
              prefix + "device-added",
              prefix + "device-removed",
              "libvirt.domain.error." + ObjectEvent.DEVICE_REMOVAL_FAILED
            },
            Notification.class.getName(),
            "A device was hot-plugged or unplugged (detail: its alias), or the guest did not "
                + "release one asked to be detached (an error); same user data");
    MBeanNotificationInfo warnings =
        new MBeanNotificationInfo(
            new String[] {"libvirt.domain.warning." + ObjectEvent.BLOCK_THRESHOLD},
            Notification.class.getName(),
            "A disk's write high-water mark passed the threshold set by setBlockThreshold (libvirt "
                + "then clears it); detail: device, path, threshold and excess in bytes; same user "
                + "data");
    return new MBeanNotificationInfo[] {
      lifecycle, devices, warnings, migrationInfo(), changeInfo(attribute)
    };
  }

  /** For the Host MBean: every lifecycle event of its objects, and changes of {@code Up}. */
  static Notifier ofHost(ObjectName source) {
    return new Notifier(
        source,
        new MBeanNotificationInfo(
            new String[] {
              "libvirt.domain.lifecycle",
              "libvirt.pool.lifecycle",
              "libvirt.network.lifecycle",
              "libvirt.node_device.lifecycle"
            },
            Notification.class.getName(),
            "Every libvirt lifecycle event of the host's domains, pools, networks and node devices (type libvirt.KIND.lifecycle.EVENT)"),
        migrationInfo(),
        changeInfo("Up"));
  }

  private static MBeanNotificationInfo migrationInfo() {
    String[] types =
        java.util.Arrays.stream(MigrationEvent.Phase.values())
            .map(p -> MIGRATION + p.label())
            .toArray(String[]::new);
    return new MBeanNotificationInfo(
        types,
        Notification.class.getName(),
        "A migration run by the agent started, completed or failed; user data: "
            + String.join(", ", ITEMS)
            + " (event: the phase, detail: the destination URI and, on failure, libvirt's message)");
  }

  private static MBeanNotificationInfo changeInfo(String attribute) {
    return new MBeanNotificationInfo(
        new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
        AttributeChangeNotification.class.getName(),
        "The " + attribute + " attribute changed");
  }

  static String prefix(ObjectEvent.Kind kind) {
    return "libvirt." + kind.name().toLowerCase(Locale.ROOT) + ".lifecycle.";
  }

  void lifecycle(ObjectEvent e) {
    String kind = e.kind().name().toLowerCase(Locale.ROOT);
    String message =
        kind
            + " "
            + e.name()
            + " on "
            + e.host()
            + ": "
            + e.event()
            + (e.detail() == null || e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
    Notification n =
        new Notification(
            typePrefix(e, kind) + e.event(),
            source,
            sequence.incrementAndGet(),
            e.at().toEpochMilli(),
            message);
    n.setUserData(userData(e, kind));
    sendNotification(n);
  }

  private static String typePrefix(ObjectEvent e, String kind) {
    if (e.isError()) {
      return "libvirt." + kind + ".error.";
    }
    return e.isWarning() ? "libvirt." + kind + ".warning." : prefix(e.kind());
  }

  /**
   * A migration's phase, type {@code libvirt.domain.migration.failed}, message "domain web01 on
   * hv1: migration to qemu+tls://hv2/system failed: …".
   */
  void migration(MigrationEvent e, String uuid) {
    String detail =
        e.destination() + (e.message().isEmpty() ? "" : ": " + e.message());
    String message =
        "domain "
            + e.domain()
            + " on "
            + e.host()
            + ": migration to "
            + e.destination()
            + " "
            + e.phase().label()
            + (e.message().isEmpty() ? "" : ": " + e.message());
    Notification n =
        new Notification(
            MIGRATION + e.phase().label(),
            source,
            sequence.incrementAndGet(),
            e.at().toEpochMilli(),
            message);
    Object[] values = {
      e.host(), "domain", e.domain(), nz(uuid), e.phase().label(), detail, e.at().toString()
    };
    try {
      n.setUserData(new CompositeDataSupport(EVENT_TYPE, ITEMS, values));
    } catch (OpenDataException ex) {
      throw new IllegalStateException(ex);
    }
    sendNotification(n);
  }

  void changed(String attribute, String type, Object before, Object after) {
    sendNotification(
        new AttributeChangeNotification(
            source,
            sequence.incrementAndGet(),
            System.currentTimeMillis(),
            attribute + " changed from " + before + " to " + after,
            attribute,
            type,
            before,
            after));
  }

  private static CompositeData userData(ObjectEvent e, String kind) {
    Object[] values = {
      e.host(), kind, e.name(), nz(e.uuid()), e.event(), nz(e.detail()), e.at().toString()
    };
    try {
      return new CompositeDataSupport(EVENT_TYPE, ITEMS, values);
    } catch (OpenDataException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static CompositeType eventType() {
    OpenType<?>[] types = new OpenType<?>[ITEMS.length];
    java.util.Arrays.fill(types, SimpleType.STRING);
    Map<String, String> text =
        Map.of(
            "host",
            "Host name",
            "kind",
            "domain, pool or network",
            "name",
            "Object name",
            "uuid",
            "Object UUID",
            "event",
            "libvirt event: started, stopped…",
            "detail",
            "libvirt event detail: booted, " + "destroyed…",
            "time",
            "When libvirt reported it, ISO-8601");
    String[] descriptions = java.util.Arrays.stream(ITEMS).map(text::get).toArray(String[]::new);
    try {
      return new CompositeType(
          "LibvirtEvent", "A libvirt lifecycle event", ITEMS, descriptions, types);
    } catch (OpenDataException e) {
      throw new IllegalStateException(e);
    }
  }
}
