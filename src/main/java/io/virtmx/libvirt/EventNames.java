/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.ObjectEvent;
import java.util.List;

/**
 * libvirt's event and detail codes as lower-case names, in the order of libvirt's enums ({@code
 * virDomainEventType}, {@code virDomainEvent*DetailType}, {@code virStoragePoolEventLifecycleType},
 * {@code virNetworkEventLifecycleType}). Unknown codes (newer libvirt) become "unknown-N", never an
 * error.
 */
public final class EventNames {
  private static final List<List<String>> DOMAIN_DETAILS =
      List.of(
          List.of("added", "updated", "renamed", "from_snapshot"),
          List.of("removed", "renamed"),
          List.of("booted", "migrated", "restored", "from_snapshot", "wakeup", "recreated"),
          List.of(
              "paused",
              "migrated",
              "ioerror",
              "watchdog",
              "restored",
              "from_snapshot",
              "api_error",
              "postcopy",
              "postcopy_failed"),
          List.of("unpaused", "migrated", "from_snapshot", "postcopy", "postcopy_failed"),
          List.of(
              "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from_snapshot"),
          List.of("finished", "guest", "host"),
          List.of("memory", "disk"),
          List.of("panicked", "crashloaded"));

  private EventNames() {}

  public static String domainEvent(int event) {
    return at(ObjectEvent.Kind.DOMAIN.lifecycleEvents(), event);
  }

  public static String domainDetail(int event, int detail) {
    if (event < 0 || event >= DOMAIN_DETAILS.size()) {
      return "unknown-" + detail;
    }
    return at(DOMAIN_DETAILS.get(event), detail);
  }

  public static String poolEvent(int event) {
    return at(ObjectEvent.Kind.POOL.lifecycleEvents(), event);
  }

  public static String networkEvent(int event) {
    return at(ObjectEvent.Kind.NETWORK.lifecycleEvents(), event);
  }

  public static String nodeDeviceEvent(int event) {
    return at(ObjectEvent.Kind.NODE_DEVICE.lifecycleEvents(), event);
  }

  private static String at(List<String> names, int code) {
    return code >= 0 && code < names.size() ? names.get(code) : "unknown-" + code;
  }
}
