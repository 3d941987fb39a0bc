package io.virtmx.libvirt;

import java.util.List;

/**
 * libvirt's event and detail codes as lower-case names, in the order of libvirt's enums ({@code
 * virDomainEventType}, {@code virDomainEvent*DetailType}, {@code virStoragePoolEventLifecycleType},
 * {@code virNetworkEventLifecycleType}). Unknown codes (newer libvirt) become "unknown-N", never an
 * error.
 */
public final class EventNames {
  private static final List<String> DOMAIN_EVENTS =
      List.of(
          "defined",
          "undefined",
          "started",
          "suspended",
          "resumed",
          "stopped",
          "shutdown",
          "pmsuspended",
          "crashed");

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

  private static final List<String> POOL_EVENTS =
      List.of("defined", "undefined", "started", "stopped", "created", "deleted");
  private static final List<String> NETWORK_EVENTS =
      List.of("defined", "undefined", "started", "stopped");

  private EventNames() {}

  public static String domainEvent(int event) {
    return at(DOMAIN_EVENTS, event);
  }

  public static String domainDetail(int event, int detail) {
    if (event < 0 || event >= DOMAIN_DETAILS.size()) {
      return "unknown-" + detail;
    }
    return at(DOMAIN_DETAILS.get(event), detail);
  }

  public static String poolEvent(int event) {
    return at(POOL_EVENTS, event);
  }

  public static String networkEvent(int event) {
    return at(NETWORK_EVENTS, event);
  }

  private static String at(List<String> names, int code) {
    return code >= 0 && code < names.size() ? names.get(code) : "unknown-" + code;
  }
}
