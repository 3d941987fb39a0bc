/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.security.AuditCapture;
import io.virtmx.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.DomainInfo;

/**
 * define, create and restore against libvirt's test driver: a definition whose host paths lie
 * inside a --disk-dir is defined; every element that would make libvirt (root) read or write
 * elsewhere, reach the network or hand a host device over is refused, named, audited as refused,
 * and libvirt never sees it.
 */
class DomainDefinitionTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "test");
  private static final String VM = "testvm-0001";

  @TempDir Path dir;
  private Path diskDir;
  private NativeConnect conn;

  @BeforeEach
  void open() throws Exception {
    conn =
        OneHost.testNode(dir);
    diskDir = OneHost.closedDir(dir, "disks");
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private Operations operations(ConfinedPaths diskDirs) {
    Path saves = dir.resolve("root-owned/save");
    try {
      Files.createDirectories(saves);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Operations(
        OneHost.of(conn),
        false,
        ConfinedPaths.of("--save-dir", List.of(saves)),
        diskDirs,
        MigrationDestinations.of(List.of(), List.of()));
  }

  private Operations confined() {
    return operations(ConfinedPaths.of("--disk-dir", List.of(diskDir)));
  }

  private static String domain(String name, String devices) {
    return "<domain type='test'><name>"
        + name
        + "</name><memory>1048576</memory><os><type>hvm</type></os><devices>"
        + devices
        + "</devices></domain>";
  }

  private String disk(String file) {
    return "<disk type='file' device='disk'><source file='" + file + "'/><target dev='vda'/></disk>";
  }

  private boolean defined(String name) {
    try {
      conn.domainLookupByName(name).free();
      return true;
    } catch (org.libvirt.LibvirtException e) {
      return false;
    }
  }

  /** A test-driver pool whose target lies inside the disk dir. */
  private String poolInsideTheDiskDir() throws Exception {
    conn.storagePoolCreateXML(
            "<pool type='dir'><name>inside</name><target><path>" + diskDir + "/pool</path></target></pool>",
            0)
        .free();
    return "inside";
  }

  @Test
  void aDefinitionWithItsPathsInsideADiskDirIsDefinedAndCreated() throws Exception {
    Operations ops = confined();
    String xml =
        domain(
            "vmx-harden-ok",
            disk(diskDir + "/a.img")
                + "<disk type='volume' device='disk'><source pool='" + poolInsideTheDiskDir() + "' volume='v'/>"
                + "<backingStore/><target dev='vdb'/></disk>"
                + "<interface type='network'><source network='default'/></interface>"
                + "<serial type='pty'><source path='/dev/pts/7'/></serial>"
                + "<console type='pty' tty='/dev/pts/7'/><rng model='virtio'><backend model='random'>/dev/urandom"
                + "</backend></rng>");
    assertThat(ops.domains().define(OPERATOR, "h", xml)).isEqualTo("vmx-harden-ok");
    assertThat(conn.domainLookupByName("vmx-harden-ok").getXMLDesc(0))
        .contains(diskDir + "/a.img");
    assertThat(ops.domains().create(OPERATOR, "h", xml.replace("-ok", "-live")))
        .isEqualTo("vmx-harden-live");
    assertThat(conn.domainLookupByName("vmx-harden-live").getInfo().state)
        .isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
  }

  @Test
  void everyPathBearingElementOutsideTheDiskDirsIsRefusedByName() throws Exception {
    Operations ops = confined();
    String outside = " is outside every --disk-dir (" + diskDir.toRealPath() + ")";
    List<String[]> cases =
        List.of(
            new String[] {disk("/etc/shadow"), "<source file='/etc/shadow'>: '/etc/shadow'" + outside},
            new String[] {
              disk(diskDir + "/a.img").replace("</disk>", "")
                  + "<backingStore type='file'><source file='/root/b.img'/></backingStore></disk>",
              "<source file='/root/b.img'>"
            },
            new String[] {
              "<disk type='block' device='disk'><source dev='/dev/sda'/><target dev='vda'/></disk>",
              "<source dev='/dev/sda'>: '/dev/sda'" + outside
            },
            new String[] {
              "<serial type='pty'><log file='/var/log/evil' append='on'/></serial>",
              "<log file='/var/log/evil'>"
            },
            new String[] {
              "<serial type='file'><source path='/etc/crontab'/></serial>",
              "<source path='/etc/crontab'>"
            },
            new String[] {
              "<channel type='unix'><source mode='bind' path='/run/evil.sock'/>"
                  + "<target type='virtio' name='org.qemu.guest_agent.0'/></channel>",
              "<source path='/run/evil.sock'>"
            },
            new String[] {
              "<rng model='virtio'><backend model='random'>/etc/shadow</backend></rng>",
              "<backend>/etc/shadow</backend>"
            });
    for (String[] c : cases) {
      try (AuditCapture audit = new AuditCapture()) {
        assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain("vmx-harden-bad", c[0])))
            .isInstanceOfSatisfying(
                OperationException.class,
                e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_ARGUMENT))
            .hasMessageStartingWith("domain XML: ")
            .hasMessageContaining(c[1]);
        assertThat(audit.lines())
            .singleElement()
            .satisfies(l -> assertThat(l).startsWith("op=defineDomain result=refused reason="));
      }
      assertThat(defined("vmx-harden-bad")).as(c[0]).isFalse();
    }
  }

  @Test
  void aNonRawDiskWithoutAnExplicitBackingChainIsRefusedNamingItsTarget() throws Exception {
    Operations ops = confined();
    String qcow2 =
        "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='"
            + diskDir
            + "/guest-written.qcow2'/><target dev='vdb'/></disk>";
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain("vmx-backing-open", qcow2)))
          .isInstanceOfSatisfying(
              OperationException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_ARGUMENT))
          .hasMessageStartingWith("domain XML: the 'qcow2' disk vdb has no explicit backing chain")
          .hasMessageContaining("add <backingStore/>");
      assertThat(audit.lines()).singleElement().asString().contains("result=refused");
    }
    assertThat(defined("vmx-backing-open")).isFalse();
    String outsideChain =
        qcow2.replace(
            "<target",
            "<backingStore type='file'><format type='raw'/><source file='/etc/hostname'/>"
                + "<backingStore/></backingStore><target");
    assertThatThrownBy(
            () -> ops.domains().define(OPERATOR, "h", domain("vmx-backing-out", outsideChain)))
        .hasMessageContaining("<source file='/etc/hostname'>: '/etc/hostname' is outside");
    assertThat(defined("vmx-backing-out")).isFalse();

    String ended = qcow2.replace("<target", "<backingStore/><target");
    assertThat(ops.domains().define(OPERATOR, "h", domain("vmx-backing-ended", ended)))
        .isEqualTo("vmx-backing-ended");
    String confinedChain = outsideChain.replace("/etc/hostname", diskDir + "/base.raw");
    assertThat(ops.domains().define(OPERATOR, "h", domain("vmx-backing-chain", confinedChain)))
        .isEqualTo("vmx-backing-chain");
  }

  @Test
  void aDisplayBeyondLoopbackNeedsAPassword() throws Exception {
    Operations ops = confined();
    for (String open :
        List.of(
            "<graphics type='vnc' port='-1' listen='0.0.0.0'/>",
            "<graphics type='vnc' passwd=''><listen type='address' address='198.18.0.1'/></graphics>",
            "<graphics type='spice' listen='127.0.0.1'><listen type='network' network='default'/>"
                + "</graphics>")) {
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain("vmx-backing-vnc", open)))
          .as(open)
          .isInstanceOfSatisfying(
              OperationException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_ARGUMENT))
          .hasMessageContaining("listens beyond loopback without a passwd");
      assertThat(defined("vmx-backing-vnc")).isFalse();
    }
    String withPassword = "<graphics type='vnc' port='-1' listen='0.0.0.0' passwd='s3cret'/>";
    assertThat(ops.domains().define(OPERATOR, "h", domain("vmx-backing-vncpw", withPassword)))
        .isEqualTo("vmx-backing-vncpw");
    String loopback =
        "<graphics type='vnc' listen='::1'/><graphics type='spice'>"
            + "<listen type='address' address='127.0.0.1'/></graphics>";
    assertThat(ops.domains().define(OPERATOR, "h", domain("vmx-backing-vnclo", loopback)))
        .isEqualTo("vmx-backing-vnclo");
  }

  @Test
  void anAttributeOfAnotherNamespaceIsRefusedSinceLibvirtReadsItByItsLocalName() throws Exception {
    String relative =
        "<disk type='file' device='disk'><source xmlns:x='urn:x' x:file='etc/passwd'/>"
            + "<target dev='vda'/></disk>";
    conn.domainDefineXML(domain("vmx-review-direct", relative)).free();
    assertThat(conn.domainLookupByName("vmx-review-direct").getXMLDesc(0))
        .as("libvirt takes x:file for file")
        .contains("<source file='etc/passwd'/>");
    Operations ops = confined();
    for (String devices :
        List.of(
            relative,
            "<serial xmlns:x='urn:x' x:type='file' type='pty'><source path='/etc/crontab'/></serial>")) {
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain("vmx-review-ns", devices)))
          .as(devices)
          .isInstanceOfSatisfying(
              OperationException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_ARGUMENT))
          .hasMessageContaining("is an attribute of another namespace");
      assertThat(defined("vmx-review-ns")).isFalse();
    }
  }

  @Test
  void textSplitByAnElementIsRefusedSinceLibvirtReadsItWhole() throws Exception {
    String os = "<os><type>hvm</type><kernel>/etc/sha<x/>dow</kernel></os>";
    conn.domainDefineXML(
            "<domain type='test'><name>vmx-review-mixed</name><memory>1024</memory>" + os
                + "<devices><emulator>/bin/<y/>sh</emulator></devices></domain>")
        .free();
    assertThat(conn.domainLookupByName("vmx-review-mixed").getXMLDesc(0))
        .as("libvirt joins the text around the element")
        .contains("<kernel>/etc/shadow</kernel>")
        .contains("<emulator>/bin/sh</emulator>");
    Operations ops = confined();
    for (String xml :
        List.of(
            "<domain type='test'><name>vmx-review-mx</name><memory>1024</memory>" + os + "</domain>",
            domain("vmx-review-mx", "<emulator>/bin/<y/>sh</emulator>"),
            domain("vmx-review-mx", "<emulator><![CDATA[/bin/sh]]><y/></emulator>"))) {
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", xml))
          .as(xml)
          .hasMessageContaining("mixes text with elements");
      assertThat(defined("vmx-review-mx")).isFalse();
    }
  }

  @Test
  void aSecondEmulatorIsRefusedSinceLibvirtRunsTheFirst() throws Exception {
    String two = "<emulator>/bin/sh</emulator><emulator>/usr/bin/test-hv</emulator>";
    conn.domainDefineXML(domain("vmx-review-emu", two)).free();
    assertThat(conn.domainLookupByName("vmx-review-emu").getXMLDesc(0))
        .as("libvirt keeps the first")
        .contains("<emulator>/bin/sh</emulator>")
        .doesNotContain("test-hv");
    assertThatThrownBy(() -> confined().domains().define(OPERATOR, "h", domain("vmx-review-em2", two)))
        .hasMessageContaining("more than one <emulator>");
    assertThat(defined("vmx-review-em2")).isFalse();
  }

  @Test
  void relativeDevicePathsInOtherAttributesAreRefused() {
    Operations ops = confined();
    for (String devices :
        List.of(
            "<input type='passthrough' bus='virtio'><source evdev='dev/input/event0'/></input>",
            "<interface type='network'><source network='default'/>"
                + "<backend tap='dev/net/tun' vhost='dev/vhost-net'/></interface>",
            "<audio id='1' type='oss'><input dev='dev/dsp'/></audio>")) {
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain("vmx-review-rel", devices)))
          .as(devices)
          .hasMessageContaining("must be absolute");
    }
    assertThat(
            ops.domains()
                .define(
                    OPERATOR,
                    "h",
                    domain("vmx-review-names", "<audio id='1' type='alsa'><input dev='hw:0'/></audio>")))
        .isEqualTo("vmx-review-names");
  }

  @Test
  void osFilesAreConfinedToo() {
    Operations ops = confined();
    for (String os :
        List.of(
            "<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>",
            "<nvram template='/etc/shadow'>" + diskDir + "/vars.fd</nvram>",
            "<kernel>/boot/vmlinuz</kernel>",
            "<initrd>/boot/initrd.img</initrd>")) {
      String xml =
          "<domain type='test'><name>vmx-harden-os</name><memory>1048576</memory><os><type>hvm"
              + "</type>"
              + os
              + "</os></domain>";
      assertThatThrownBy(() -> ops.domains().create(OPERATOR, "h", xml))
          .as(os)
          .hasMessageContaining("is outside every --disk-dir");
    }
  }

  @Test
  void elementsNoDirectoryCanConfineAreRefused() {
    Operations ops = confined();
    List<String[]> cases =
        List.of(
            new String[] {
              "<hostdev mode='subsystem' type='pci'><source><address domain='0' bus='0' slot='3'"
                  + " function='0'/></source></hostdev>",
              "<hostdev> names host resources"
            },
            new String[] {
              "<filesystem type='mount'><source dir='/'/><target dir='root'/></filesystem>",
              "<filesystem> names host resources"
            },
            new String[] {
              "<disk type='network' device='disk'><source protocol='nbd' name='x'><host"
                  + " name='198.18.0.9' port='10809'/></source><target dev='vda'/></disk>",
              "<disk type='network'> is not allowed"
            },
            new String[] {
              "<disk type='file' device='disk'><source protocol='http' name='x'/><target"
                  + " dev='vda'/></disk>",
              "<source> names a network source"
            },
            new String[] {
              "<serial type='tcp'><source mode='connect' host='198.18.0.9' service='22'/></serial>",
              "<serial type='tcp'> would make libvirt reach a network address"
            },
            new String[] {
              "<interface type='ethernet'><script path='" + diskDir + "/x'/></interface>",
              "<interface type='ethernet'> is not allowed"
            },
            new String[] {
              "<smartcard mode='passthrough' type='spicevmc'/>", "<smartcard> names host"
            });
    for (String[] c : cases) {
      assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", domain("vmx-harden-bad", c[0])))
          .as(c[0])
          .hasMessageStartingWith("domain XML: " + c[1]);
    }
    String qemu =
        "<domain type='test' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>x</name>"
            + "<memory>1</memory><os><type>hvm</type></os><qemu:commandline><qemu:arg"
            + " value='-sandbox'/></qemu:commandline></domain>";
    assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", qemu))
        .hasMessage(
            "domain XML: <qemu:commandline> is an element of another namespace: only <metadata>"
                + " may hold those");
    String metadata =
        domain("vmx-harden-meta", "")
            .replace(
                "<devices>",
                "<metadata><app:x xmlns:app='http://example.org/app' path='/etc'/></metadata>"
                    + "<devices>");
    assertThat(ops.domains().define(OPERATOR, "h", metadata)).isEqualTo("vmx-harden-meta");
    assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", "<domain"))
        .hasMessageStartingWith("invalid domain XML");
  }

  @Test
  void anEmulatorTheHostDoesNotOfferIsRefused() throws Exception {
    Operations ops = confined();
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(
              () ->
                  ops.domains()
                      .define(OPERATOR, "h", domain("vmx-harden-emu", "<emulator>/bin/sh</emulator>")))
          .hasMessageStartingWith(
              "domain XML: <emulator>/bin/sh</emulator> is not an emulator of this host");
      assertThat(audit.lines())
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("op=defineDomain result=refused"));
    }
    assertThat(defined("vmx-harden-emu")).isFalse();
  }

  @Test
  void withoutADiskDirEveryPathIsRefusedAndPathlessDefinitionsPass() throws Exception {
    Operations ops = operations(ConfinedPaths.none("--disk-dir"));
    assertThatThrownBy(
            () -> ops.domains().define(OPERATOR, "h", domain("vmx-harden-n", disk(diskDir + "/a"))))
        .hasMessageContaining("no --disk-dir is configured");
    String volume =
        domain(
            "vmx-harden-n",
            "<disk type='volume' device='disk'><source pool='" + poolInsideTheDiskDir() + "' volume='v'/>"
                + "<backingStore/><target dev='vda'/></disk>");
    assertThatThrownBy(() -> ops.domains().define(OPERATOR, "h", volume))
        .hasMessageStartingWith("storage pool 'inside': " + ConfinedPools.RULE)
        .hasMessageContaining("no --disk-dir is configured");
    String pathless = domain("vmx-harden-n", "<interface type='network'><source network='default'/></interface>");
    assertThat(ops.domains().define(OPERATOR, "h", pathless)).isEqualTo("vmx-harden-n");
  }

  @Test
  void restoreChecksTheDefinitionInTheImageBeforeLibvirtStartsIt() throws Exception {
    Operations ops = confined();
    String image = dir.resolve("root-owned/save/vm.save").toString();
    ops.saves().save(OPERATOR, "h", VM, image);
    try (AuditCapture audit = new AuditCapture()) {
      // the test node's domain has qcow2 disks without <backingStore/> (the test driver reads no
      // backing chain), in /var/lib/libvirt/images, outside the disk dir
      assertThatThrownBy(() -> ops.saves().restore(OPERATOR, "h", VM, image, false))
          .hasMessageStartingWith(
              "'" + image + "': domain XML: the 'qcow2' disk vda has no explicit backing chain");
      assertThat(audit.lines())
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("op=restore result=refused"));
    }
    assertThat(conn.domainLookupByName(VM).getInfo().state)
        .isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF);
  }

  @Test
  void aSecurityLabelTheCallerChoosesIsRefusedAndLibvirtsDynamicOnePasses() throws Exception {
    DefinitionCheck check = new DefinitionCheck(ConfinedPaths.of("--disk-dir", List.of(diskDir)));
    List<String[]> cases =
        List.of(
            new String[] {
              "<seclabel type='dynamic' model='selinux' relabel='yes'><baselabel>"
                  + "system_u:system_r:unconfined_t:s0</baselabel></seclabel>",
              "<seclabel> with a <baselabel> chooses the label libvirt gives QEMU"
            },
            new String[] {
              "<seclabel type='dynamic' model='dac' relabel='no'/>", "<seclabel relabel='no'>"
            },
            new String[] {
              "<seclabel model='dac'><label>+0:+0</label></seclabel>",
              "<seclabel> with a <label> chooses a static security label"
            },
            new String[] {
              "<seclabel type='static' model='dac' relabel='yes'><label>+0:+0</label></seclabel>",
              "<seclabel type='static'> would weaken"
            },
            new String[] {"<seclabel type='none'/>", "<seclabel type='none'> would weaken"});
    for (String[] c : cases) {
      String xml = domain("vmx-harden-label", "").replace("</domain>", c[0] + "</domain>");
      assertThat(check.refusal(xml)).as(c[0]).startsWith("domain XML: " + c[1]);
    }
    String onDisk =
        domain(
            "vmx-harden-label",
            "<disk type='file' device='disk'><source file='" + diskDir + "/a.img'>"
                + "<seclabel model='dac' relabel='no'/></source><target dev='vda'/></disk>");
    assertThat(check.refusal(onDisk)).startsWith("domain XML: <seclabel relabel='no'>");
    String dynamic =
        domain("vmx-harden-label", "")
            .replace(
                "</domain>",
                "<seclabel type='dynamic' model='dac' relabel='yes'><label>+64055:+64055</label>"
                    + "<imagelabel>+64055:+64055</imagelabel></seclabel></domain>");
    assertThat(check.refusal(dynamic)).isNull();
    Operations ops = confined();
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(
              () ->
                  ops.domains()
                      .define(
                          OPERATOR,
                          "h",
                          domain("vmx-harden-label", "").replace("</domain>", cases.get(0)[0] + "</domain>")))
          .hasMessageContaining("<baselabel>");
      assertThat(audit.lines())
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("op=defineDomain result=refused"));
    }
    assertThat(defined("vmx-harden-label")).isFalse();
  }
}
