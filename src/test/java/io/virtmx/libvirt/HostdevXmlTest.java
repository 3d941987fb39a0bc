/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.model.DeviceInfo;
import org.junit.jupiter.api.Test;

/** Host devices of a domain description: PCI source addresses in a node device's form. */
class HostdevXmlTest {

  @Test
  void pciSourcesGiveHostAddressesOtherTypesNone() {
    DomainDescription d = DomainXml.parse(Fixtures.xml("domain-hostdev.xml"));

    assertThat(d.devices())
        .containsExactly(
            new DeviceInfo("hostdev", "pci", "", "", -1, -1, "", "0000:3b:10.1"),
            new DeviceInfo("hostdev", "pci", "", "", -1, -1, "", "0000:04:00.2"),
            new DeviceInfo("hostdev", "usb", "", "", -1, -1, "", ""),
            new DeviceInfo("hostdev", "mdev", "", "", -1, -1, "", ""));
    assertThat(d.devices().stream().map(DeviceInfo::pciHostAddress))
        .containsExactly("0000:3b:10.1", "0000:04:00.2", "", "");
  }

  @Test
  void aMalformedPciAddressIsRefused() {
    String xml =
        "<domain><name>x</name><devices><hostdev mode='subsystem' type='pci'><source>"
            + "<address domain='0x0000' bus='0x100' slot='0' function='0'/>"
            + "</source></hostdev></devices></domain>";
    assertThatThrownBy(() -> DomainXml.parse(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PCI bus '0x100' out of range");
  }

  @Test
  void theQemuFixtureHasNoHostdev() {
    assertThat(DomainXml.parse(Fixtures.xml("domain-qemu.xml")).devices())
        .noneMatch(dev -> dev.kind().equals("hostdev"));
  }
}
