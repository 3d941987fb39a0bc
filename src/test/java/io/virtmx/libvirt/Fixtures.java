/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DeviceInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads XML fixtures from {@code src/test/resources/fixtures/xml}, and says what some hold. */
public final class Fixtures {
  /** The devices of domain-qemu.xml, as DomainXml reads them. */
  public static final List<DeviceInfo> QEMU_XML_DEVICES =
      List.of(
          new DeviceInfo("controller", "usb", "", "qemu-xhci", 0, -1, ""),
          new DeviceInfo("controller", "sata", "", "", 0, -1, ""),
          new DeviceInfo("controller", "pci", "", "pcie-root", 0, -1, ""),
          new DeviceInfo("console", "pty", "serial", "", 0, -1, ""),
          new DeviceInfo("input", "tablet", "usb", "", -1, -1, ""),
          new DeviceInfo("input", "mouse", "ps2", "", -1, -1, ""),
          new DeviceInfo("graphics", "vnc", "", "", -1, 5900, "127.0.0.1"),
          new DeviceInfo("video", "", "", "virtio", 0, -1, ""));

  private Fixtures() {}

  static String xml(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/xml/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
