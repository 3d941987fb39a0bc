/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.GuestFilesystem;
import io.virtmx.model.GuestOs;
import io.virtmx.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the typed parameters of {@code virDomainGetGuestInfo} (as {@code virsh guestinfo} prints
 * them: {@code os.id}, {@code hostname}, {@code user.count}, {@code fs.0.mountpoint}, {@code
 * fs.0.total-bytes}, {@code fs.0.disk.0.alias}…) into model values; pure.
 */
public final class GuestInfoParser {
  private GuestInfoParser() {}

  /** The guest's OS; the pretty name when the agent gives one, the version id before the version. */
  public static GuestOs os(Map<String, Object> params) {
    return new GuestOs(
        text(params, "os.id"),
        first(text(params, "os.pretty-name"), text(params, "os.name")),
        first(text(params, "os.version-id"), text(params, "os.version")),
        text(params, "os.kernel-release"));
  }

  public static String hostname(Map<String, Object> params) {
    return text(params, "hostname");
  }

  public static String timezone(Map<String, Object> params) {
    return text(params, "timezone.name");
  }

  /** Number of logged-in users, {@link Values#UNKNOWN} when the agent did not say. */
  public static long users(Map<String, Object> params) {
    return number(params, "user.count");
  }

  /**
   * What a guest reports is the guest's to choose: each text is cut at {@value #MAX_TEXT}
   * characters and at most {@value #MAX_ITEMS} file systems (and disks of one) are kept, so a
   * hostile guest cannot grow the agent's memory or the series it serves.
   */
  static final int MAX_TEXT = 128;

  static final int MAX_ITEMS = 64;

  /** Each mounted file system, in the agent's order (at most {@value #MAX_ITEMS}). */
  public static List<GuestFilesystem> filesystems(Map<String, Object> params) {
    long count = Math.min(number(params, "fs.count"), MAX_ITEMS);
    List<GuestFilesystem> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String p = "fs." + i + ".";
      out.add(
          new GuestFilesystem(
              text(params, p + "mountpoint"),
              text(params, p + "fstype"),
              devices(params, p),
              number(params, p + "total-bytes"),
              number(params, p + "used-bytes")));
    }
    return List.copyOf(out);
  }

  /** The host-side aliases (e.g. vda) of the disks under a file system, else the guest's device. */
  private static List<String> devices(Map<String, Object> params, String prefix) {
    long count = Math.min(number(params, prefix + "disk.count"), MAX_ITEMS);
    List<String> out = new ArrayList<>();
    for (int d = 0; d < count; d++) {
      String p = prefix + "disk." + d + ".";
      String name = first(text(params, p + "alias"), text(params, p + "device"));
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  private static String first(String preferred, String otherwise) {
    return preferred.isEmpty() ? otherwise : preferred;
  }

  private static String text(Map<String, Object> params, String key) {
    Object v = params.get(key);
    String s = v == null ? "" : v.toString();
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }

  private static long number(Map<String, Object> params, String key) {
    Object v = params.get(key);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return Values.UNKNOWN;
      }
    }
    return Values.UNKNOWN;
  }
}
