/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the device XML of a hot-plug from checked arguments only, every value escaped, e.g. {@code
 * <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/srv/disks/a.img'/>
 * <backingStore/><target dev='vdb' bus='virtio'/></disk>}; the checks say what is wrong in words fit
 * for the user.
 */
final class DeviceXml {
  static final Pattern TARGET = Pattern.compile("(vd|sd|hd|xvd)[a-z]{1,3}");
  /** A disk target, or one image of its backing chain: "vdb", "vdb[1]". */
  static final Pattern BACKING_TARGET = Pattern.compile("(vd|sd|hd|xvd)[a-z]{1,3}(\\[[0-9]{1,4}\\])?");
  static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,254}");
  static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
  static final Set<String> BUSES = Set.of("virtio", "scsi", "sata", "ide", "usb");
  static final Set<String> FORMATS = Set.of("raw", "qcow2");
  static final Set<String> NETWORK_TYPES = Set.of("network", "bridge");
  private static final SecureRandom RANDOM = new SecureRandom();

  private DeviceXml() {}

  /** A disk's source: a checked file path, or a pool's volume. */
  record DiskSource(String file, String pool, String volume) {}

  /**
   * The XML of a disk to attach, always with an empty {@code <backingStore/>}: libvirt then gives
   * QEMU no backing file, whatever backing file a qcow2 image's header (which the guest can write)
   * names.
   */
  static String disk(
      DiskSource source, String target, String bus, String format, boolean readOnly) {
    StringBuilder b = new StringBuilder("<disk type='");
    b.append(source.file() != null ? "file" : "volume").append("' device='disk'>");
    b.append("<driver name='qemu' type='").append(Xml.escape(format)).append("'/>");
    if (source.file() != null) {
      b.append("<source file='").append(Xml.escape(source.file())).append("'/>");
    } else {
      b.append("<source pool='")
          .append(Xml.escape(source.pool()))
          .append("' volume='")
          .append(Xml.escape(source.volume()))
          .append("'/>");
    }
    b.append("<backingStore/>");
    b.append("<target dev='").append(Xml.escape(target));
    b.append("' bus='").append(Xml.escape(bus)).append("'/>");
    if (readOnly) {
      b.append("<readonly/>");
    }
    return b.append("</disk>").toString();
  }

  /** The XML of a network interface on a libvirt network or a host bridge. */
  static String networkInterface(String type, String source, String model, String mac) {
    return "<interface type='"
        + Xml.escape(type)
        + "'><source "
        + type
        + "='"
        + Xml.escape(source)
        + "'/><mac address='"
        + Xml.escape(mac)
        + "'/><model type='"
        + Xml.escape(model)
        + "'/></interface>";
  }

  /** A random locally administered unicast MAC address in QEMU's 52:54:00 range. */
  static String randomMac() {
    byte[] tail = new byte[3];
    RANDOM.nextBytes(tail);
    return "52:54:00:" + HexFormat.ofDelimiter(":").formatHex(tail);
  }

  /** The bus a target's prefix implies when none is given: vd virtio, sd scsi, hd ide. */
  static String defaultBus(String target) {
    if (target != null && target.startsWith("sd")) {
      return "scsi";
    }
    if (target != null && target.startsWith("hd")) {
      return "ide";
    }
    return "virtio";
  }

  /** {@code text} stripped and lower-cased, or {@code fallback} when empty. */
  static String orDefault(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text.strip().toLowerCase(Locale.ROOT);
  }

  static String oneOf(Set<String> choices) {
    return String.join(", ", new TreeSet<>(choices));
  }

  /** Whether {@code mac} is a unicast address ({@code 01:…} would be multicast). */
  static boolean unicast(String mac) {
    return MAC.matcher(mac).matches() && (Integer.parseInt(mac.substring(0, 2), 16) & 1) == 0;
  }
}
