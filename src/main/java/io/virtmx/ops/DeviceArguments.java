/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.DeviceElements;

/**
 * The argument checks of hot-plug, before libvirt is called: a disk source is a file inside a
 * {@code --disk-dir} or {@code POOL/VOLUME}, a device's XML is one hot-plug takes ({@link
 * DeviceElements#refusal}) with every file it names confined, targets and names have their forms;
 * each failed check refuses the attempt with its reason.
 */
final class DeviceArguments {
  private static final int MAX_DEVICE_XML = 64 * 1024;

  private final ConfinedPaths diskDirs;

  DeviceArguments(ConfinedPaths diskDirs) {
    this.diskDirs = diskDirs;
  }

  /** {@code a} with the device kind and paths of {@code xml} as arguments and its checks added. */
  Attempt deviceXmlAttempt(Attempt a, String xml) {
    if (xml == null || xml.length() > MAX_DEVICE_XML) {
      return a.require(false, "the device XML is empty or longer than " + MAX_DEVICE_XML);
    }
    try {
      a.arg("device", DeviceElements.kind(xml));
      DeviceElements.refusal(xml).ifPresent(reason -> a.require(false, reason));
      for (String path : DeviceElements.sourcePaths(xml)) {
        a.arg("path", path);
        confined(a, path, false);
      }
    } catch (IllegalArgumentException e) {
      a.require(false, e.getMessage());
    }
    return a;
  }

  /** The disk source of {@code source}: a confined file, or POOL/VOLUME; null when refused. */
  DeviceXml.DiskSource diskSource(Attempt a, String source) {
    if (source != null && source.startsWith("/")) {
      String file = confined(a, source, true);
      return file == null ? null : new DeviceXml.DiskSource(file, null, null);
    }
    String[] parts = source == null ? new String[0] : source.split("/", -1);
    boolean ok = parts.length == 2 && validName(parts[0]) && validName(parts[1]);
    a.require(ok, "invalid disk source '" + source
        + "': give an absolute file path inside a --disk-dir or POOL/VOLUME");
    return ok ? new DeviceXml.DiskSource(null, parts[0], parts[1]) : null;
  }

  /** The real path of a file that must lie in a disk dir; null (and the attempt refused) if not. */
  String confined(Attempt a, String path, boolean mustExist) {
    ConfinedPaths.Check check = diskDirs.check(path, mustExist);
    a.require(check.allowed(), check.refusal());
    return check.allowed() ? check.path().toString() : null;
  }

  static boolean validTarget(String target) {
    return target != null && DeviceXml.TARGET.matcher(target).matches();
  }

  static boolean validName(String name) {
    return name != null && DeviceXml.OBJECT_NAME.matcher(name).matches();
  }
}
