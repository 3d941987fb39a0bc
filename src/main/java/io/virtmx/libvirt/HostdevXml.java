/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DeviceInfo;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * Reads one {@code <hostdev>} element of a domain description into a {@link DeviceInfo} of kind
 * hostdev: {@code <hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x03'
 * slot='0x00' function='0x0'/></source></hostdev>} gives type pci, address "0000:03:00.0" (the form
 * of a PCI node device's address); other types (usb, scsi, mdev) and capabilities-mode hostdevs
 * keep their type and no address.
 */
final class HostdevXml {
  private static final String[] PARTS = {"domain", "bus", "slot", "function"};
  private static final long[] LIMITS = {0xffff, 0xff, 0x1f, 0x7};

  private HostdevXml() {}

  /** The hostdev at the cursor (on its start tag); leaves the cursor on its end tag. */
  static DeviceInfo read(XmlCursor c) throws XMLStreamException {
    String mode = c.attr("mode").isEmpty() ? "subsystem" : c.attr("mode");
    String type = c.attr("type");
    boolean pci = "subsystem".equals(mode) && "pci".equals(type);
    String address = "";
    while (c.nextChild()) {
      if (pci && "source".equals(c.name())) {
        address = source(c);
      } else {
        c.skip();
      }
    }
    return new DeviceInfo("hostdev", type, "", "", -1, -1, "", address);
  }

  /** The PCI address inside {@code <source>}; the cursor ends on its end tag. */
  private static String source(XmlCursor c) throws XMLStreamException {
    String address = "";
    while (c.nextChild()) {
      if ("address".equals(c.name())) {
        address = pciAddress(c);
      }
      c.skip();
    }
    return address;
  }

  /** "0000:03:00.0" from the attributes at the cursor, libvirt's hex ("0x03") or decimal. */
  static String pciAddress(XmlCursor c) throws XMLStreamException {
    long[] v = new long[PARTS.length];
    for (int i = 0; i < PARTS.length; i++) {
      String text = c.attr(PARTS[i]).strip();
      try {
        v[i] = text.isEmpty() && i == 0 ? 0 : Long.decode(text);
      } catch (NumberFormatException e) {
        throw c.fail("invalid PCI " + PARTS[i] + " '" + text + "' in <hostdev>");
      }
      if (v[i] < 0 || v[i] > LIMITS[i]) {
        throw c.fail("PCI " + PARTS[i] + " '" + text + "' out of range in <hostdev>");
      }
    }
    return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", v[0], v[1], v[2], v[3]);
  }
}
