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
 * Hot-plug and save/restore against libvirt's test driver: arguments and paths outside the
 * configured directories are refused (and audited so) before libvirt is called, save and restore
 * really stop and start the domain, memory changes take their flags.
 */
class DeviceAndSaveOperationsTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "testvm-0001");
  private static final Caller VIEWER = new Caller("bob", Role.VIEWER, "testvm-0001");
  private static final String VM = "testvm-0001";

  @TempDir Path dir;
  private Path saveDir;
  private Path diskDir;
  private NativeConnect conn;
  private Operations ops;

  @BeforeEach
  void open() throws Exception {
    conn =
        OneHost.testNode(dir);
    saveDir = Files.createDirectory(dir.resolve("save"));
    diskDir = Files.createDirectory(dir.resolve("disks"));
    ops =
        new Operations(
            OneHost.of(conn),
            false,
            ConfinedPaths.of("--save-dir", List.of(saveDir)),
            ConfinedPaths.of("--disk-dir", List.of(diskDir)));
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private DomainInfo.DomainState state() throws Exception {
    return conn.domainLookupByName(VM).getInfo().state;
  }

  private String xml() throws Exception {
    return conn.domainLookupByName(VM).getXMLDesc(0);
  }

  @Test
  void aDiskOutsideEveryDiskDirIsRefusedBeforeLibvirt() throws Exception {
    String before = xml();
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(
              () ->
                  ops.devices()
                      .attachDisk(OPERATOR, "h", VM, "/etc/shadow", "vdb", "", "", false, "live"))
          .isInstanceOf(OperationException.class)
          .hasMessageContaining("'/etc/shadow' is outside every --disk-dir (" + diskDir);
      assertThat(audit.lines())
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .contains("op=attachDisk result=refused")
                      .contains("source=/etc/shadow"));
    }
    assertThat(xml()).isEqualTo(before);
  }

  @Test
  void deviceXmlNamingAHostFileOutsideIsRefused() {
    String shadow =
        "<disk type='file' device='disk'><source file='/etc/shadow'/>"
            + "<target dev='vdb' bus='virtio'/></disk>";
    assertThatThrownBy(() -> ops.devices().attachDevice(OPERATOR, "h", VM, shadow, ""))
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.INVALID_ARGUMENT);
    String backing =
        "<disk type='file' device='disk'><source file='"
            + diskDir
            + "/a.img'/><backingStore type='file'><source file='/etc/shadow'/></backingStore>"
            + "<target dev='vdb'/></disk>";
    assertThatThrownBy(() -> ops.devices().attachDevice(OPERATOR, "h", VM, backing, ""))
        .hasMessageContaining("/etc/shadow");
    assertThatThrownBy(() -> ops.devices().attachDevice(OPERATOR, "h", VM, "<disk", ""))
        .hasMessageStartingWith("invalid device XML");
  }

  @Test
  void badArgumentsAreRefusedWithWhatIsWrong() {
    DeviceOperations d = ops.devices();
    assertThatThrownBy(() -> d.attachDisk(OPERATOR, "h", VM, "pool/v", "vd'b", "", "", false, ""))
        .hasMessage("invalid disk target 'vd'b' (e.g. vdb, sdc)");
    assertThatThrownBy(() -> d.attachDisk(OPERATOR, "h", VM, "p/v", "vdb", "", "", false, "now"))
        .hasMessage("unknown affect 'now' (use current (or empty), live, config, live+config)");
    assertThatThrownBy(() -> d.attachDisk(OPERATOR, "h", VM, "../x", "vdb", "", "", false, ""))
        .hasMessageContaining("give an absolute file path inside a --disk-dir or POOL/VOLUME");
    assertThatThrownBy(
            () -> d.attachInterface(OPERATOR, "h", VM, "bridge", "br0", "", "01:00:5e:00:00:01", ""))
        .hasMessageContaining("invalid MAC address '01:00:5e:00:00:01'");
    assertThatThrownBy(
            () -> d.attachInterface(OPERATOR, "h", VM, "bridge", "br0'/><x", "", "", ""))
        .hasMessage("invalid bridge name 'br0'/><x'");
    assertThatThrownBy(() -> d.attachInterface(VIEWER, "h", VM, "network", "default", "", "", ""))
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.DENIED);
  }

  @Test
  void blockThresholdArgumentsAreCheckedAndLibvirtsRefusalComesBack() {
    DeviceOperations d = ops.devices();
    assertThatThrownBy(() -> d.setBlockThreshold(OPERATOR, "h", VM, "vdb]", 1024))
        .hasMessage("invalid disk 'vdb]' (a target such as vdb, or vdb[1] for a backing image)");
    assertThatThrownBy(() -> d.setBlockThreshold(OPERATOR, "h", VM, "vdb", -1))
        .hasMessage("the threshold must be 0 (none) or a positive number of bytes");
    assertThatThrownBy(() -> d.setBlockThreshold(VIEWER, "h", VM, "vdb", 1024))
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.DENIED);
    // the test driver has no block thresholds: libvirt's own refusal, not ours
    assertThatThrownBy(() -> d.setBlockThreshold(OPERATOR, "h", VM, "vda", 1024))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("virDomainSetBlockThreshold")
        .extracting(e -> ((OperationException) e).reason())
        .isNotEqualTo(OperationException.Reason.INVALID_ARGUMENT);
  }

  @Test
  void anAttachedDiskCarriesAnEmptyBackingStoreSoNoBackingFileIsOpened() {
    for (DeviceXml.DiskSource source :
        List.of(
            new DeviceXml.DiskSource(diskDir + "/vmx-backing-overlay.qcow2", null, null),
            new DeviceXml.DiskSource(null, "default", "v.qcow2"))) {
      String disk = DeviceXml.disk(source, "vdc", "virtio", "qcow2", false);
      assertThat(disk).contains("<driver name='qemu' type='qcow2'/>").contains("<backingStore/>");
      assertThat(io.virtmx.libvirt.DeviceElements.refusal(disk)).as(disk).isEmpty();
    }
  }

  @Test
  void detachingADeviceTheDomainDoesNotHaveSaysSo() {
    assertThatThrownBy(() -> ops.devices().detachDisk(OPERATOR, "h", VM, "vdz", "live"))
        .hasMessage("domain '" + VM + "' has no disk 'vdz'")
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.NOT_FOUND);
    assertThatThrownBy(
            () -> ops.devices().detachInterface(OPERATOR, "h", VM, "52:54:00:00:00:99", "config"))
        .hasMessage("domain '" + VM + "' has no interface with MAC '52:54:00:00:00:99'");
  }

  @Test
  void memoryChangesTakeTheirFlags() throws Exception {
    ops.devices().setMemory(OPERATOR, "h", VM, 300_000, "live");
    assertThat(conn.domainLookupByName(VM).getInfo().memory).isEqualTo(300_000);
    assertThatThrownBy(() -> ops.devices().setMemory(OPERATOR, "h", VM, 0, "live"))
        .hasMessage("memory must be positive, got 0");
  }

  @Test
  void saveOutsideEverySaveDirIsRefusedAndTheDomainKeepsRunning() throws Exception {
    Path outside = dir.resolve("elsewhere.save");
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(() -> ops.saves().save(OPERATOR, "h", VM, outside.toString()))
          .hasMessageContaining("is outside every --save-dir");
      assertThat(audit.lines()).singleElement().asString().contains("op=save result=refused");
    }
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
    assertThat(outside).doesNotExist();
  }

  @Test
  void saveStopsTheDomainAndRestoreStartsItAgain() throws Exception {
    // a domain whose disk is inside the disk dir: restore checks the definition the image holds
    String vm = "vmx-harden-saved";
    ops.domains()
        .define(
            OPERATOR,
            "h",
            "<domain type='test'><name>" + vm + "</name><memory>1048576</memory><os><type>hvm"
                + "</type></os><devices><disk type='file' device='disk'><source file='" + diskDir
                + "/saved.img'/><target dev='vda'/></disk></devices></domain>");
    conn.domainLookupByName(vm).create();
    String image = saveDir.resolve("vm.save").toString();
    ops.saves().save(OPERATOR, "h", vm, image);
    assertThat(conn.domainLookupByName(vm).getInfo().state)
        .isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF);
    assertThat(ops.saves().savedImages(OPERATOR, "h")).containsExactly(image);
    assertThatThrownBy(() -> ops.saves().restore(OPERATOR, "h", "other", image, false))
        .hasMessage("'" + image + "' holds domain '" + vm + "', not 'other'");
    ops.saves().restore(OPERATOR, "h", vm, image, false);
    assertThat(conn.domainLookupByName(vm).getInfo().state)
        .isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
    assertThatThrownBy(() -> ops.saves().restore(OPERATOR, "h", VM, "/etc/passwd", false))
        .hasMessageContaining("outside every --save-dir");
  }
}
