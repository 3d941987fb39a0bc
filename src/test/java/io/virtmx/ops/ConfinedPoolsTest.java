/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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

/**
 * Volumes only of pools inside a --disk-dir, against libvirt's test driver: a volume disk (define,
 * attachDisk POOL/VOLUME, device XML) and the confined volume operations CIM uses are refused for
 * its {@code default} pool (/var/lib/libvirt/images) and for a pool reaching out by a symbolic link,
 * naming the rule, audited as refused, as are every volume operation (create, delete, resize) and
 * deleting such a pool; a pool inside the disk dir is used; start, stop and refresh stay open.
 */
class ConfinedPoolsTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "test");
  private static final String VM = "testvm-0001";

  @TempDir Path dir;
  private Path diskDir;
  private Path outside;
  private NativeConnect conn;
  private Operations ops;
  private ConfinedPools pools;

  @BeforeEach
  void open() throws Exception {
    conn =
        OneHost.testNode(dir);
    diskDir = OneHost.closedDir(dir, "disks");
    outside = OneHost.closedDir(dir, "elsewhere");
    Files.createSymbolicLink(diskDir.resolve("link"), outside);
    ConfinedPaths diskDirs = ConfinedPaths.of("--disk-dir", List.of(diskDir));
    pools = new ConfinedPools(diskDirs);
    ops = new Operations(hosts(), false, ConfinedPaths.none("--save-dir"), diskDirs);
    pool("inside", diskDir + "/pool");
    pool("linked", diskDir + "/link");
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private HostConnections hosts() {
    return OneHost.of(conn);
  }

  private void pool(String name, String target) throws Exception {
    conn.storagePoolCreateXML(
            "<pool type='dir'><name>" + name + "</name><target><path>" + target + "</path></target></pool>",
            0)
        .free();
  }

  private static String poolXml(String target) {
    return "<pool type='dir'><name>p</name><target><path>" + target + "</path></target></pool>";
  }

  @Test
  void aPoolIsAllowedOnlyWithItsTargetInsideADiskDir() throws Exception {
    assertThat(pools.refusal("default", poolXml("/var/lib/libvirt/images")))
        .isEqualTo(
            "storage pool 'default': only pools whose target lies inside a --disk-dir may be used:"
                + " '/var/lib/libvirt/images' is outside every --disk-dir ("
                + diskDir.toRealPath()
                + ")");
    assertThat(pools.refusal("p", poolXml(diskDir + "/pool"))).isNull();
    assertThat(pools.refusal("p", poolXml(diskDir.toString()))).contains("is outside every --disk-dir");
    assertThat(pools.refusal("p", poolXml(diskDir + "/link")))
        .startsWith("storage pool 'p': " + ConfinedPools.RULE)
        .contains("is a symbolic link");
    assertThat(pools.refusal("p", poolXml(diskDir + "/../elsewhere"))).contains("must not contain '..'");
    assertThat(pools.refusal("iscsi", "<pool type='iscsi-direct'><name>i</name></pool>"))
        .endsWith("and it has no target directory (type iscsi-direct)");
    assertThat(new ConfinedPools(ConfinedPaths.none("--disk-dir")).refusal("p", poolXml(diskDir + "/pool")))
        .contains("no --disk-dir is configured");
  }

  @Test
  void aVolumeDiskOfAPoolOutsideIsRefusedInDefinitionsHotPlugAndAttachDisk() throws Exception {
    String volumeDisk =
        "<disk type='volume' device='disk'><driver name='qemu' type='raw'/><source pool='%s'"
            + " volume='v'/><target dev='vdb'/></disk>";
    String domain =
        "<domain type='test'><name>vmx-leftovers-pool</name><memory>1048576</memory><os><type>hvm"
            + "</type></os><devices>%s</devices></domain>";
    try (AuditCapture audit = new AuditCapture()) {
      for (String pool : List.of("default", "linked")) {
        assertThatThrownBy(
                () -> ops.domains().define(OPERATOR, "h", domain.formatted(volumeDisk.formatted(pool))))
            .hasMessageStartingWith("storage pool '" + pool + "': " + ConfinedPools.RULE);
        assertThatThrownBy(
                () ->
                    ops.devices()
                        .attachDevice(OPERATOR, "h", VM, volumeDisk.formatted(pool), "config"))
            .hasMessageStartingWith("storage pool '" + pool + "': " + ConfinedPools.RULE);
        assertThatThrownBy(
                () ->
                    ops.devices()
                        .attachDisk(OPERATOR, "h", VM, pool + "/v", "vdb", "", "", false, "config"))
            .hasMessageStartingWith("storage pool '" + pool + "': " + ConfinedPools.RULE);
      }
      assertThat(audit.lines())
          .hasSize(6)
          .allSatisfy(l -> assertThat(l).contains("result=refused").contains(ConfinedPools.RULE));
    }
    assertThat(List.of(conn.listDefinedDomains())).doesNotContain("vmx-leftovers-pool");
    assertThat(ops.domains().define(OPERATOR, "h", domain.formatted(volumeDisk.formatted("inside"))))
        .isEqualTo("vmx-leftovers-pool");
    Throwable attached =
        catchThrowable(
            () -> ops.devices().attachDisk(OPERATOR, "h", VM, "inside/v", "vdb", "", "", false, "config"));
    assertThat(String.valueOf(attached)).doesNotContain(ConfinedPools.RULE);
  }

  @Test
  void everyVolumeOperationReachesOnlyPoolsInsideADiskDir() throws Exception {
    PoolOperations confined = ops.pools();
    long before = conn.storagePoolLookupByName("default").storageVolLookupByName("testvm-0001-vda.qcow2")
        .getInfo().capacity;
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(
              () -> confined.createVolume(OPERATOR, "h", "default", "vmx-leftovers.img", 1 << 20, "raw"))
          .hasMessageStartingWith("storage pool 'default': " + ConfinedPools.RULE);
      assertThatThrownBy(() -> confined.deleteVolume(OPERATOR, "h", "default", "testvm-0001-vda.qcow2"))
          .hasMessageStartingWith("storage pool 'default': " + ConfinedPools.RULE);
      assertThatThrownBy(
              () -> confined.resizeVolume(OPERATOR, "h", "default", "testvm-0001-vda.qcow2", before * 2))
          .hasMessageStartingWith("storage pool 'default': " + ConfinedPools.RULE);
      assertThatThrownBy(() -> confined.createVolume(OPERATOR, "h", "linked", "x.img", 1 << 20, "raw"))
          .hasMessageStartingWith("storage pool 'linked': " + ConfinedPools.RULE);
      assertThat(audit.lines()).hasSize(4).allSatisfy(l -> assertThat(l).contains("result=refused"));
    }
    assertThat(List.of(conn.storagePoolLookupByName("default").listVolumes()))
        .contains("testvm-0001-vda.qcow2")
        .doesNotContain("vmx-leftovers.img");
    assertThat(conn.storagePoolLookupByName("default").storageVolLookupByName("testvm-0001-vda.qcow2")
        .getInfo().capacity).isEqualTo(before);
    String path = confined.createVolume(OPERATOR, "h", "inside", "vmx-leftovers.img", 1 << 20, "raw");
    assertThat(path).isEqualTo(diskDir + "/pool/vmx-leftovers.img");
    assertThatThrownBy(
            () -> confined.deleteVolumeAt(OPERATOR, "h", "inside", diskDir + "/pool/other.img"))
        .hasMessage("no volume " + diskDir + "/pool/other.img in pool inside");
    assertThatThrownBy(
            () -> confined.deleteVolumeAt(OPERATOR, "h", "default", "/var/lib/libvirt/images/x"))
        .hasMessageStartingWith("storage pool 'default': " + ConfinedPools.RULE);
    Throwable resized =
        catchThrowable(() -> confined.resizeVolume(OPERATOR, "h", "inside", "vmx-leftovers.img", 2 << 20));
    assertThat(String.valueOf(resized)).doesNotContain(ConfinedPools.RULE); // the test driver cannot resize
    confined.deleteVolumeAt(OPERATOR, "h", "inside", path);
    assertThat(conn.storagePoolLookupByName("inside").listVolumes()).isEmpty();
  }

  @Test
  void deletingAPoolOutsideIsRefusedWhileStartStopAndRefreshStayOpen() throws Exception {
    assertThatThrownBy(() -> ops.definitions().deletePool(OPERATOR, "h", "default"))
        .hasMessageStartingWith("storage pool 'default': " + ConfinedPools.RULE);
    assertThat(conn.storagePoolLookupByName("default").isActive()).isEqualTo(1);
    ops.pools().refresh(OPERATOR, "h", "default");
    ops.pools().stop(OPERATOR, "h", "default");
    assertThat(conn.storagePoolLookupByName("default").isActive()).isZero();
    ops.pools().start(OPERATOR, "h", "default");
    assertThat(conn.storagePoolLookupByName("default").isActive()).isEqualTo(1);
    Throwable inside = catchThrowable(() -> ops.definitions().deletePool(OPERATOR, "h", "inside"));
    assertThat(String.valueOf(inside)).doesNotContain(ConfinedPools.RULE);
  }
}
