/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding, changing and inspecting device elements of a real QEMU domain's XML. */
class DeviceElementsTest {
  private static final String DOMAIN = Fixtures.xml("domain-qemu.xml");

  @Test
  void findsTheDiskWithATargetAndNoOther() {
    assertThat(DeviceElements.disk(DOMAIN, "vdb"))
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .startsWith("<disk device=\"disk\" type=\"block\">")
                    .contains("/dev/vg0/web-01-data")
                    .doesNotContain("vda"));
    assertThat(DeviceElements.disk(DOMAIN, "vdz")).isEmpty();
  }

  @Test
  void findsTheInterfaceByMacInAnyCase() {
    assertThat(DeviceElements.interfaceWithMac(DOMAIN, "52:54:00:A1:B2:C3"))
        .hasValueSatisfying(i -> assertThat(i).contains("network=\"default\""));
    assertThat(DeviceElements.interfaceWithMac(DOMAIN, "52:54:00:00:00:01")).isEmpty();
  }

  @Test
  void swapsAndEjectsAMedium() {
    String cdrom = DeviceElements.disk(DOMAIN, "sdb").orElseThrow();
    String loaded = DeviceElements.withMedium(cdrom, "/srv/iso/a'b.iso");
    assertThat(DeviceElements.sourcePaths(loaded)).containsExactly("/srv/iso/a'b.iso");
    assertThat(loaded).contains("<target bus=\"sata\" dev=\"sdb\"/>");
    assertThat(DeviceElements.sourcePaths(DeviceElements.withMedium(loaded, null))).isEmpty();
  }

  @Test
  void listsEveryHostPathADeviceNamesBackingStoresToo() {
    String disk = DeviceElements.disk(DOMAIN, "vda").orElseThrow();
    assertThat(DeviceElements.sourcePaths(disk))
        .containsExactly(
            "/var/lib/libvirt/images/web-01.qcow2",
            "/var/lib/libvirt/images/debian-12-base.qcow2",
            "/var/lib/libvirt/images/debian-12-golden.raw");
    assertThat(DeviceElements.sourcePaths(DeviceElements.disk(DOMAIN, "vdc").orElseThrow()))
        .isEmpty(); // a network disk names no host file
    assertThat(DeviceElements.kind("<channel type='unix'><source path='/x'/></channel>"))
        .isEqualTo("channel");
  }

  @Test
  void refusesMalformedXmlAndDoctypes() {
    assertThatThrownBy(() -> DeviceElements.sourcePaths("<disk>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid device XML");
    assertThatThrownBy(
            () ->
                DeviceElements.sourcePaths(
                    "<!DOCTYPE d [<!ENTITY e SYSTEM 'file:///etc/shadow'>]><disk>&e;</disk>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeviceElements.kind(" ")).hasMessage("the device XML is empty");
  }

  @Test
  void aNonRawDiskFromXmlMustStateItsBackingChainEndingInAnEmptyBackingStore() {
    String bare =
        "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
            + "<source file='/srv/disks/guest-written.qcow2'/><target dev='vdb'/></disk>";
    assertThat(DeviceElements.refusal(bare))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith("the 'qcow2' disk vdb has no explicit backing chain: add <backingStore/>"));
    String ended = bare.replace("<target", "<backingStore/><target");
    assertThat(DeviceElements.refusal(ended)).isEmpty();
    String chain =
        bare.replace(
            "<target",
            "<backingStore type='file'><format type='raw'/><source file='/srv/disks/base.raw'/>"
                + "<backingStore/></backingStore><target");
    assertThat(DeviceElements.refusal(chain)).isEmpty();
    assertThat(DeviceElements.sourcePaths(chain)).contains("/srv/disks/base.raw");
    for (String open :
        List.of(
            chain.replace("<backingStore/></backingStore>", "</backingStore>"),
            bare.replace("<target", "<backingStore type='file'/><target"),
            bare.replace("<target", "<backingStore type='volume'><source pool='p' volume='v'/>"
                + "<backingStore/></backingStore><target"),
            ended.replace("<backingStore/>", "<backingStore/><backingStore type='file'>"
                + "<source file='/srv/disks/b'/></backingStore>"),
            bare.replace("type='file' device", "type='volume' device")
                .replace("<driver name='qemu' type='qcow2'/>", "")
                .replace("<source file='/srv/disks/guest-written.qcow2'/>", "<source pool='p' volume='v'/>"))) {
      assertThat(DeviceElements.refusal(open)).as(open).hasValueSatisfying(
          r -> assertThat(r).contains(" disk vdb ").contains("add <backingStore/>"));
    }
    assertThat(DeviceElements.refusal(bare.replace("qcow2", "raw"))).isEmpty();
    assertThat(DeviceElements.refusal(bare.replace("<driver name='qemu' type='qcow2'/>", "")))
        .as("libvirt's QEMU driver takes a file without a format as raw")
        .isEmpty();
  }

  @Test
  void aSwappedMediumGetsAnEmptyBackingStoreInsteadOfTheOldOnes() {
    String cdrom =
        "<disk type='file' device='cdrom'><driver name='qemu' type='qcow2'/>"
            + "<source file='/srv/disks/old.qcow2'/><backingStore type='file'>"
            + "<source file='/srv/disks/old-base.qcow2'/><backingStore/></backingStore>"
            + "<target dev='hdc' bus='ide'/></disk>";
    String loaded = DeviceElements.withMedium(cdrom, "/srv/disks/new.qcow2");
    assertThat(DeviceElements.sourcePaths(loaded)).containsExactly("/srv/disks/new.qcow2");
    assertThat(DeviceElements.refusal(loaded)).isEmpty();
    assertThat(loaded).contains("<source file=\"/srv/disks/new.qcow2\"/><backingStore/>");
    assertThat(DeviceElements.withMedium(cdrom, null)).doesNotContain("backingStore");
  }

  @Test
  void hotPlugRefusesPrefixedAttributesAndElements() {
    String sneaky =
        "<disk type='file' device='disk'><source xmlns:x='urn:x' x:file='/etc/shadow'/>"
            + "<target dev='vdb'/></disk>";
    assertThat(DeviceElements.sourcePaths(sneaky)).as("the path is not seen as a path").isEmpty();
    assertThat(DeviceElements.refusal(sneaky))
        .hasValueSatisfying(r -> assertThat(r).contains("x:file=...> is an attribute of another namespace"));
    assertThat(
            DeviceElements.refusal(
                "<disk xmlns:x='urn:x' x:type='network' type='file'><source file='/srv/a'/></disk>"))
        .isPresent();
    assertThat(
            DeviceElements.refusal(
                "<disk type='file' xmlns:x='urn:x'><x:source file='/etc/shadow'/></disk>"))
        .hasValueSatisfying(r -> assertThat(r).contains("<x:source> is of another namespace"));
  }

  @Test
  void hotPlugFromXmlTakesFileDisksNetworkInterfacesAndControllersOnly() {
    assertThat(
            DeviceElements.refusal(
                "<disk type='file' device='cdrom'><source file='/srv/a.iso'/>"
                    + "<target dev='hdc' bus='ide'/></disk>"))
        .isEmpty();
    assertThat(DeviceElements.refusal("<interface type='network'><source network='default'/></interface>"))
        .isEmpty();
    assertThat(DeviceElements.refusal("<controller type='scsi' model='virtio-scsi'/>")).isEmpty();

    assertThat(
            DeviceElements.refusal(
                "<hostdev mode='subsystem' type='pci'><source><address bus='3'/></source></hostdev>"))
        .hasValueSatisfying(r -> assertThat(r).contains("<hostdev> cannot be hot-plugged"));
    assertThat(
            DeviceElements.refusal(
                "<serial type='pty'><log file='/root/.ssh/authorized_keys' append='on'/></serial>"))
        .isPresent();
    assertThat(
            DeviceElements.refusal(
                "<disk type='network'><source protocol='http' name='x'>"
                    + "<host name='198.18.9.9' port='80'/></source></disk>"))
        .isPresent();
    assertThat(
            DeviceElements.refusal(
                "<disk type='file'><source file='/srv/a.img'/>"
                    + "<backingStore type='network'><source protocol='nbd'/></backingStore></disk>"))
        .hasValueSatisfying(r -> assertThat(r).contains("network source"));
    assertThat(DeviceElements.refusal("<interface type='direct'><source dev='eth0'/></interface>"))
        .isPresent();
  }

  @Test
  void aDeviceSecurityLabelTheCallerChoosesIsRefusedAndLibvirtsOwnPasses() {
    String disk =
        "<disk type='file' device='disk'><source file='/srv/disks/a.img'>%s</source>"
            + "<target dev='vdb'/></disk>";
    assertThat(DeviceElements.refusal(disk.formatted("<seclabel model='dac' relabel='no'/>")))
        .hasValue(
            "<seclabel relabel='no'> keeps libvirt from labelling what QEMU may use: not allowed");
    assertThat(
            DeviceElements.refusal(
                disk.formatted(
                    "<seclabel model='selinux' relabel='yes'><label>system_u:object_r:etc_t:s0"
                        + "</label></seclabel>")))
        .hasValueSatisfying(r -> assertThat(r).startsWith("<seclabel> with a <label> chooses a static"));
    assertThat(DeviceElements.refusal(disk.formatted("<seclabel model='none'/>")))
        .hasValueSatisfying(r -> assertThat(r).contains("model='none'"));
    assertThat(DeviceElements.refusal(disk.formatted("<seclabel model='dac' relabel='yes'/>")))
        .isEmpty();
    assertThat(DeviceElements.sourcePools(
            "<disk type='volume'><source pool='p1' volume='v'/><backingStore/><target dev='vdb'/></disk>"))
        .containsExactly("p1");
  }
}
