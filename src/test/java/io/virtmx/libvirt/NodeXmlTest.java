/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.model.DomainCapabilities;
import io.virtmx.model.GuestArch;
import io.virtmx.model.HostInterface;
import io.virtmx.model.HugePages;
import io.virtmx.model.MdevType;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.NumaCell;
import io.virtmx.model.PciFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeXmlTest {

  @Test
  void capabilitiesGiveHostCpuCellsPagesAndGuests() {
    CapabilitiesXml.Parsed p = CapabilitiesXml.parse(Fixtures.xml("capabilities-qemu.xml"));
    assertThat(p.host().arch()).isEqualTo("x86_64");
    assertThat(p.host().cpuModel()).isEqualTo("kvm64");
    assertThat(p.host().cpuVendor()).isEqualTo("AMD");
    assertThat(p.host().cpuFeatures()).contains("vme", "ht", "sse4.1").hasSize(59);
    assertThat(List.of(p.host().sockets(), p.host().dies(), p.host().cores(), p.host().threads()))
        .containsExactly(1, 1, 2, 1);
    assertThat(p.cells())
        .containsExactly(new NumaCell(0, 9791700L * 1024, -1, List.of(0, 1), Map.of(0, 10)));
    assertThat(p.pages())
        .containsExactly(
            new HugePages(0, 4096, 2447925, -1),
            new HugePages(0, 2L << 20, 0, -1),
            new HugePages(0, 1L << 30, 0, -1));
    assertThat(p.host().guests()).extracting(GuestArch::arch).containsExactly("i686", "x86_64");
    GuestArch x86 = p.host().guests().get(1);
    assertThat(x86.osType()).isEqualTo("hvm");
    assertThat(x86.machines()).contains("pc", "q35", "pc-q35-7.2", "pc-i440fx-7.2").hasSize(60);
    assertThat(x86.domainTypes()).containsExactly("qemu", "kvm");
  }

  @Test
  void domainCapabilitiesGiveVcpusAndDeviceTypes() {
    DomainCapabilities d =
        DomainCapabilitiesXml.parse(Fixtures.xml("domcapabilities-x86_64.xml"));
    assertThat(d.machine()).isEqualTo("pc-i440fx-7.2");
    assertThat(d.domainType()).isEqualTo("kvm");
    assertThat(d.maxVcpus()).isEqualTo(255);
    assertThat(d.diskBuses()).containsExactly("ide", "fdc", "scsi", "virtio", "usb", "sata");
    assertThat(d.diskDevices()).containsExactly("disk", "cdrom", "floppy", "lun");
    assertThat(d.graphicsTypes()).containsExactly("sdl", "vnc", "spice", "egl-headless", "dbus");
    assertThat(d.hostdevTypes()).containsExactly("usb", "pci", "scsi");
    assertThat(d.firmware()).isEmpty();
  }

  @Test
  void pciDeviceOfThisMachine() {
    NodeDevice d = NodeDeviceXml.parse(Fixtures.xml("nodedev-pci_0000_00_03_0.xml"));
    assertThat(d.name()).isEqualTo("pci_0000_00_03_0");
    assertThat(d.parent()).isEqualTo("computer");
    assertThat(d.capabilities()).containsExactly("pci");
    assertThat(d.driver()).isEqualTo("virtio-pci");
    assertThat(List.of(d.vendorId(), d.productId())).containsExactly("0x1af4", "0x1041");
    assertThat(d.pci())
        .isEqualTo(new PciFunction("0000:00:03.0", "0x020000", -1, "", List.of(), List.of()));
    assertThat(d.link()).isEqualTo(NodeDevice.NO_LINK);
    assertThat(d.sizeBytes()).isEqualTo(-1);
  }

  @Test
  void sriovFunctionWithIommuGroupAndMdevTypes() {
    NodeDevice d = NodeDeviceXml.parse(Fixtures.xml("nodedev-pci-sriov-constructed.xml"));
    assertThat(d.vendor()).isEqualTo("Intel Corporation");
    assertThat(d.product()).startsWith("82599ES");
    assertThat(d.pci().address()).isEqualTo("0000:3b:00.0");
    assertThat(d.pci().iommuGroup()).isEqualTo(40);
    assertThat(d.pci().virtualFunctions()).containsExactly("0000:3b:10.0", "0000:3b:10.2");
    assertThat(d.pci().mdevTypes()).containsExactly(new MdevType("nvidia-35", "GRID M60-0Q", 16));
  }

  @Test
  void netDeviceHasItsLinkAndUnknownSpeed() {
    NodeDevice d = NodeDeviceXml.parse(Fixtures.xml("nodedev-net_eth0_02_fc_00_00_00_01.xml"));
    assertThat(d.parent()).isEqualTo("pci_0000_00_03_0");
    assertThat(d.type()).isEqualTo("net");
    assertThat(d.link().name()).isEqualTo("eth0");
    assertThat(d.link().mac()).isEqualTo("02:fc:00:00:00:01");
    assertThat(d.link().linkState()).isEqualTo("up");
    assertThat(d.link().speedBytesPerSecond()).isEqualTo(-1); // 4294967295: kernel does not know
  }

  @Test
  void storageDeviceHasItsSize() {
    NodeDevice d = NodeDeviceXml.parse(Fixtures.xml("nodedev-block_vda.xml"));
    assertThat(d.block()).isEqualTo("/dev/vda");
    assertThat(d.sizeBytes()).isEqualTo(274877906944L);
    assertThat(d.vendor()).isEmpty();
  }

  @Test
  void systemDeviceHasNoParent() {
    NodeDevice d = NodeDeviceXml.parse(Fixtures.xml("nodedev-computer.xml"));
    assertThat(d.name()).isEqualTo("computer");
    assertThat(d.parent()).isEmpty();
    assertThat(d.type()).isEqualTo("system");
  }

  @Test
  void hostInterfacesFromTheirXml() {
    assertThat(
            NodeDeviceXml.hostInterface(
                "eth0", "02:fc:00:00:00:01", true, Fixtures.xml("interface-eth0.xml")))
        .isEqualTo(new HostInterface("eth0", "02:fc:00:00:00:01", "ethernet", true, "up", -1));
    assertThat(
            NodeDeviceXml.hostInterface(
                "virtmxbr0", "", false, Fixtures.xml("interface-virtmxbr0.xml")))
        .isEqualTo(new HostInterface("virtmxbr0", "", "bridge", false, "", -1));
    String fast = "<interface type='ethernet' name='e'><link speed='1000' state='up'/></interface>";
    assertThat(NodeDeviceXml.hostInterface("e", "", true, fast).speedBytesPerSecond())
        .isEqualTo(125_000_000L);
  }

  @Test
  void filterBindingOwner() {
    String xml =
        "<filterbinding><owner><name>web1</name><uuid>x</uuid></owner>"
            + "<portdev name='vnet0'/><filterref filter='clean-traffic'/></filterbinding>";
    assertThat(FilterBindingXml.owner(xml)).isEqualTo("web1");
  }

  @Test
  void refusesDoctypesAndWrongRoots() {
    assertThatThrownBy(
            () ->
                CapabilitiesXml.parse(
                    "<!DOCTYPE c [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><capabilities>&x;</capabilities>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid capabilities XML");
    assertThatThrownBy(() -> NodeDeviceXml.parse("<domain/>"))
        .hasMessage("invalid node device XML: root is <domain>, not <device>");
  }
}
