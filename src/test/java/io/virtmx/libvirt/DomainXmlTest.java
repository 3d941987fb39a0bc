/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.virtmx.model.DiskDevice;
import io.virtmx.model.NicDevice;
import io.virtmx.model.OsInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainXmlTest {

  @Test
  void shortValuesAreSharedBetweenParsesAndLongOnesAreNot() {
    DomainDescription a = DomainXml.parse(Fixtures.xml("domain-qemu.xml"));
    DomainDescription b = DomainXml.parse(Fixtures.xml("domain-qemu.xml"));

    assertThat(b.name()).isSameAs(a.name());
    assertThat(b.disks().get(0).target()).isSameAs(a.disks().get(0).target()).isEqualTo("vda");
    assertThat(b.disks().get(0).bus()).isSameAs(a.disks().get(0).bus()).isEqualTo("virtio");
    assertThat(b.os().arch()).isSameAs(a.os().arch());
    String path = a.disks().get(0).source();
    assertThat(path).hasSizeGreaterThan(XmlCursor.SHARED_MAX_LENGTH);
    assertThat(b.disks().get(0).source()).isEqualTo(path).isNotSameAs(path);
  }

  @Test
  void parsesEveryFieldOfARunningQemuDomain() {
    DomainDescription d = DomainXml.parse(Fixtures.xml("domain-qemu.xml"));

    assertThat(d.name()).isEqualTo("web-01");
    assertThat(d.uuid()).isEqualTo("3f2a9c1e-5b7d-4e21-9a0c-7d1e2f3a4b5c");
    assertThat(d.type()).isEqualTo("kvm");
    assertThat(d.os()).isEqualTo(new OsInfo("hvm", "x86_64", "pc-q35-7.2"));
    assertThat(d.vcpusMax()).isEqualTo(2);
    assertThat(d.vcpusCurrent()).isEqualTo(1);
    assertThat(d.memoryKib()).isEqualTo(4_194_304);
    assertThat(d.currentMemoryKib()).isEqualTo(2_097_152);
    assertThat(d.disks())
        .containsExactly(
            new DiskDevice(
                "vda", "virtio", "file", "disk", "qcow2", "/var/lib/libvirt/images/web-01.qcow2"),
            new DiskDevice("sdb", "sata", "file", "cdrom", "raw", ""),
            new DiskDevice("vdb", "virtio", "block", "disk", "raw", "/dev/vg0/web-01-data"),
            new DiskDevice("vdc", "virtio", "network", "disk", "raw", "rbd:pool/img"));
    assertThat(d.interfaces())
        .containsExactly(
            new NicDevice("vnet3", "52:54:00:6b:3c:58", "bridge", "br0", "virtio"),
            new NicDevice("", "52:54:00:a1:b2:c3", "network", "default", "e1000e"));
    assertThat(d.devices()).containsExactlyElementsOf(Fixtures.QEMU_XML_DEVICES);
  }

  @Test
  void parsesTheTestDriverDomain() {
    DomainDescription d = DomainXml.parse(Fixtures.xml("domain-test.xml"));

    assertThat(d.name()).isEqualTo("test");
    assertThat(d.type()).isEqualTo("test");
    assertThat(d.os()).isEqualTo(new OsInfo("hvm", "i686", ""));
    assertThat(d.vcpusMax()).isEqualTo(2);
    assertThat(d.vcpusCurrent()).isEqualTo(2);
    assertThat(d.memoryKib()).isEqualTo(8_388_608);
    assertThat(d.currentMemoryKib()).isEqualTo(2_097_152);
    assertThat(d.disks())
        .containsExactly(new DiskDevice("vda", "virtio", "file", "disk", "", "/guest/diskimage1"));
    assertThat(d.interfaces())
        .containsExactly(new NicDevice("testnet0", "aa:bb:cc:dd:ee:ff", "network", "default", ""));
  }

  @Test
  void leavesOutWhatTheDescriptionLeavesOut() {
    DomainDescription d = DomainXml.parse("<domain><name>bare</name></domain>");

    assertThat(d.uuid()).isEmpty();
    assertThat(d.type()).isEmpty();
    assertThat(d.os()).isEqualTo(OsInfo.UNKNOWN);
    assertThat(d.vcpusMax()).isEqualTo(-1);
    assertThat(d.vcpusCurrent()).isEqualTo(-1);
    assertThat(d.memoryKib()).isEqualTo(-1);
    assertThat(d.currentMemoryKib()).isEqualTo(-1);
    assertThat(d.disks()).isEmpty();
    assertThat(d.interfaces()).isEmpty();
  }

  @Test
  void currentMemoryDefaultsToMemory() {
    DomainDescription d = DomainXml.parse("<domain><memory unit='MiB'>512</memory></domain>");

    assertThat(d.memoryKib()).isEqualTo(524_288);
    assertThat(d.currentMemoryKib()).isEqualTo(524_288);
  }

  @ParameterizedTest
  @CsvSource({
    "'', 1024, 1024",
    "KiB, 1024, 1024",
    "k, 1024, 1024",
    "K, 1024, 1024",
    "KB, 1024, 1000",
    "b, 4096, 4",
    "bytes, 1025, 2",
    "MB, 1, 977",
    "M, 2, 2048",
    "MiB, 2, 2048",
    "GB, 1, 976563",
    "G, 4, 4194304",
    "GiB, 4, 4194304",
    "TB, 1, 976562500",
    "TiB, 1, 1073741824",
  })
  void honoursTheMemoryUnit(String unit, long value, long expectedKib) {
    String attribute = unit.isEmpty() ? "" : " unit='" + unit + "'";
    String xml = "<domain><memory" + attribute + ">" + value + "</memory></domain>";

    assertThat(DomainXml.parse(xml).memoryKib()).isEqualTo(expectedKib);
  }

  @Test
  void resolvesEachKindOfDiskSource() {
    DomainDescription d =
        DomainXml.parse(
            """
        <domain><devices>
          <disk type='volume' device='disk'><source pool='images' volume='a.qcow2'/><target dev='vda'/></disk>
          <disk type='dir' device='floppy'><source dir='/srv/floppy'/><target dev='fda' bus='fdc'/></disk>
          <disk type='network' device='disk'><source protocol='nbd'><host name='h'/></source></disk>
          <disk type='vhostuser' device='disk'><source type='unix' path='/run/vhost.sock'/></disk>
        </devices></domain>""");

    assertThat(d.disks())
        .extracting(DiskDevice::source)
        .containsExactly("images/a.qcow2", "/srv/floppy", "nbd", "/run/vhost.sock");
    assertThat(d.disks().get(0).bus()).isEmpty();
  }

  @Test
  void resolvesEachKindOfInterfaceSource() {
    DomainDescription d =
        DomainXml.parse(
            """
        <domain><devices>
          <interface type='direct'><source dev='eth0' mode='vepa'/></interface>
          <interface type='network'><source network='lan' portid='x' bridge='virbr1'/><target dev='vnet0'/></interface>
          <interface type='user'><model type='virtio'/></interface>
          <interface type='udp'><source address='127.0.0.1' port='1234'/></interface>
          <interface type='hostdev'><source><address type='pci' bus='0x02'/></source></interface>
        </devices></domain>""");

    assertThat(d.interfaces())
        .extracting(NicDevice::source)
        .containsExactly("eth0", "lan", "", "127.0.0.1:1234", "");
  }

  @Test
  void decodesPredefinedEntities() {
    assertThat(DomainXml.parse("<domain><name>a&amp;b&#65;</name></domain>").name())
        .isEqualTo("a&bA");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not xml",
        "<domain><name>x</name>",
        "<domain><name>x</domain>",
        "<domain></domain><trailing",
        "<network/>",
        "<domain><memory>lots</memory></domain>",
        "<domain><memory>-1</memory></domain>",
        "<domain><memory unit='parsecs'>1</memory></domain>",
        "<domain><memory unit='EiB'>9000</memory></domain>",
        "<domain><vcpu>99999999999</vcpu></domain>",
        "<domain><vcpu current='two'>2</vcpu></domain>",
        "<domain><name>&undeclared;</name></domain>",
      })
  void rejectsMalformedDescriptions(String xml) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DomainXml.parse(xml))
        .withMessageStartingWith("invalid domain XML: ");
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> DomainXml.parse(null));
  }
}
