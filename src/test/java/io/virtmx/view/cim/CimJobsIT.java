/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimJobCalls.embedded;
import static io.virtmx.view.cim.CimJobCalls.embeddedArray;
import static io.virtmx.view.cim.CimJobCalls.instance;
import static io.virtmx.view.cim.CimJobCalls.number;
import static io.virtmx.view.cim.CimJobCalls.ref;
import static io.virtmx.view.cim.CimJobCalls.string;
import static io.virtmx.view.cim.CimJobCalls.uint16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The snapshot service and the pool methods of ResourcePoolConfigurationService on a real QEMU
 * domain of ours ({@code vmx-cimjobs-0}), through the SBLIM Java client, checked with virsh and
 * wbemcli; a viewer and a read-only agent are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CimJobsIT {
  private static final String PREFIX = "vmx-cimjobs-";
  private static final String POOL = PREFIX + "pool";
  private static final String NET = PREFIX + "net";
  /** A libvirt network (defined, not started) whose bridge a bridged network may use. */
  private static final String BASE = PREFIX + "base";
  private static final String BASE_BRIDGE = "vmxcjb0";
  private static final String SNAP = PREFIX + "snap1";
  private static final Duration JOB = Duration.ofSeconds(180);

  private Path dir;
  private Path disks;
  private QemuDomains vms;
  private CimClients agent;
  private WBEMClient alice;
  private WBEMClient bob;
  private CimJobCalls calls;
  private String name;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory(PREFIX);
    disks = Files.createDirectory(dir.resolve("disks"));
    vms = QemuDomains.start(1, PREFIX);
    name = vms.names().get(0);
    agent = CimClients.start(dir, "--connect", TestBed.QEMU_URI, "--disk-dir", disks.toString());
    alice = agent.client(CimClients.ALICE);
    bob = agent.client(CimClients.BOB);
    calls = new CimJobCalls(agent, alice);
  }

  @AfterAll
  void stop() {
    if (name != null) {
      TestBed.tryVirsh("snapshot-delete", name, SNAP);
      TestBed.tryVirsh("managedsave-remove", name);
    }
    TestBed.tryVirsh("pool-destroy", POOL);
    TestBed.tryVirsh("pool-undefine", POOL);
    TestBed.tryVirsh("net-destroy", NET);
    TestBed.tryVirsh("net-undefine", NET);
    TestBed.tryVirsh("net-undefine", BASE);
    for (WBEMClient c : new WBEMClient[] {alice, bob}) {
      if (c != null) {
        c.close();
      }
    }
    if (agent != null) {
      agent.close();
    }
    if (vms != null) {
      vms.close();
    }
    CimClients.deleteTree(disks.resolve(POOL));
    CimClients.deleteTree(disks);
    CimClients.deleteTree(dir);
  }

  private CIMObjectPath system() {
    return new CIMObjectPath(
        "/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\""
            + name
            + "\"");
  }

  private CimJobCalls.Answer snapshot(int type, String elementName) throws Exception {
    return calls.call(
        calls.service("KVM_VirtualSystemSnapshotService"),
        "CreateSnapshot",
        ref("AffectedSystem", system()),
        embedded(
            "SnapshotSettings",
            instance("KVM_VirtualSystemSettingData", "ElementName", elementName)),
        uint16("SnapshotType", type));
  }

  @Test
  @Order(1)
  void saveAndLeaveOffLeavesTheDomainOffWithAnImageAndApplyBringsItBack() throws Exception {
    CimJobCalls.Answer created = snapshot(32769, "memory");
    assertThat(created.rc()).isZero();
    assertThat(created.ref("ResultingSnapshot").getKeyValue("InstanceID")).isEqualTo("KVM:" + name);
    CIMInstance job = calls.completed(created.ref("Job"), JOB);
    assertThat(number(job, "ErrorCode")).as(String.valueOf(job)).isZero();
    assertThat(number(job, "PercentComplete")).isEqualTo(100);
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("shut off");
    assertThat(TestBed.virsh("dominfo", name)).containsPattern("Managed save:\\s+yes");
    String listed = agent.wbemcli(CimClients.BOB, "ei", "root/virt:CIM_ConcreteJob").stdout();
    assertThat(listed)
        .contains("InstanceID=\"" + created.ref("Job").getKeyValue("InstanceID") + "\"")
        .contains("JobState=7");

    CimJobCalls.Answer applied =
        calls.call(
            calls.service("KVM_VirtualSystemSnapshotService"),
            "ApplySnapshot",
            ref("Snapshot", created.ref("ResultingSnapshot")));
    assertThat(applied.rc()).isZero();
    CIMInstance restore = calls.completed(applied.ref("Job"), JOB);
    assertThat(number(restore, "ErrorCode")).as(String.valueOf(restore)).isZero();
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");
    assertThat(TestBed.virsh("dominfo", name)).containsPattern("Managed save:\\s+no");

    CimJobCalls.Answer again =
        calls.call(
            calls.service("KVM_VirtualSystemSnapshotService"),
            "ApplySnapshot",
            ref("Snapshot", created.ref("ResultingSnapshot")));
    CIMInstance refused = calls.completed(again.ref("Job"), JOB);
    assertThat(number(refused, "ErrorCode")).isEqualTo(1);
    assertThat((String) refused.getPropertyValue("Status"))
        .isEqualTo("domain '" + name + "' has no managed save image to restore");
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");
  }

  @Test
  @Order(2)
  void aLibvirtSnapshotRoundTripsThroughVirshSnapshotList() throws Exception {
    CimJobCalls.Answer created = snapshot(32770, SNAP);
    assertThat(created.rc()).isZero();
    CIMObjectPath snap = created.ref("ResultingSnapshot");
    assertThat(snap.getKeyValue("InstanceID")).isEqualTo("KVM:" + name + "/snapshot/" + SNAP);
    CIMInstance job = calls.completed(created.ref("Job"), JOB);
    assertThat(number(job, "ErrorCode")).as(String.valueOf(job)).isZero();
    assertThat(TestBed.virsh("snapshot-list", name, "--name").lines().map(String::strip)).contains(SNAP);

    CimJobCalls.Answer applied =
        calls.call(
            calls.service("KVM_VirtualSystemSnapshotService"), "ApplySnapshot", ref("Snapshot", snap));
    CIMInstance revert = calls.completed(applied.ref("Job"), JOB);
    assertThat(number(revert, "ErrorCode")).as(String.valueOf(revert)).isZero();
    assertThat(TestBed.virsh("snapshot-current", name, "--name").strip()).isEqualTo(SNAP);
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");

    CimJobCalls.Answer destroyed =
        calls.call(
            calls.service("KVM_VirtualSystemSnapshotService"),
            "DestroySnapshot",
            ref("AffectedSnapshot", snap));
    assertThat(destroyed.rc()).isZero();
    assertThat(TestBed.virsh("snapshot-list", name, "--name").lines().map(String::strip)).doesNotContain(SNAP);
  }

  @Test
  @Order(3)
  void aDirectoryPoolAndAVolumeAreCreatedAndDeleted() throws Exception {
    CIMObjectPath rpcs = calls.service("KVM_ResourcePoolConfigurationService");
    String target = disks.resolve(POOL).toString();
    CimJobCalls.Answer pool =
        calls.call(
            rpcs,
            "CreateChildResourcePool",
            string("ElementName", POOL),
            embeddedArray(
                "Settings",
                instance(
                    "KVM_DiskPoolResourceAllocationSettingData", "Type", 1, "Path", target)));
    assertThat(pool.rc()).isZero();
    assertThat(pool.ref("Pool").getKeyValue("InstanceID")).isEqualTo("DiskPool/" + POOL);
    assertThat(TestBed.virsh("pool-list", "--name").lines().map(String::strip)).contains(POOL);
    assertThat(TestBed.virsh("pool-dumpxml", POOL)).contains("<path>" + target + "</path>");

    CimJobCalls.Answer volume =
        calls.call(
            rpcs,
            "CreateResourceInPool",
            embedded(
                "Settings",
                instance(
                    "KVM_StorageVolumeResourceAllocationSettingData",
                    "VolumeName", PREFIX + "vol.qcow2",
                    "FormatType", 2,
                    "Capacity", 16L,
                    "AllocationUnits", "M")),
            ref("Pool", pool.ref("Pool")));
    assertThat(volume.rc()).isZero();
    String path = target + "/" + PREFIX + "vol.qcow2";
    assertThat(volume.ref("Resource").getKeyValue("InstanceID")).isEqualTo(path);
    assertThat(TestBed.virsh("vol-list", POOL)).contains(path);
    assertThat(TestBed.virsh("vol-info", path)).containsPattern("Capacity:\\s+16.00 MiB");

    CimJobCalls.Answer gone =
        calls.call(
            rpcs,
            "DeleteResourceInPool",
            embedded(
                "Resource",
                instance("KVM_StorageVolumeResourceAllocationSettingData", "Address", path)),
            ref("Pool", pool.ref("Pool")));
    assertThat(gone.rc()).isZero();
    assertThat(TestBed.virsh("vol-list", POOL)).doesNotContain(path);

    assertThat(calls.call(rpcs, "DeleteResourcePool", ref("Pool", pool.ref("Pool"))).rc()).isZero();
    assertThat(TestBed.virsh("pool-list", "--all", "--name").lines().map(String::strip)).doesNotContain(POOL);
  }

  @Test
  @Order(4)
  void aPoolOutsideTheDiskDirsIsRefusedAndNothingDefined() throws Exception {
    CIMObjectPath rpcs = calls.service("KVM_ResourcePoolConfigurationService");
    assertThatThrownBy(
            () ->
                calls.call(
                    rpcs,
                    "CreateChildResourcePool",
                    string("ElementName", POOL),
                    embeddedArray(
                        "Settings",
                        instance(
                            "KVM_DiskPoolResourceAllocationSettingData",
                            "Type", 1,
                            "Path", dir.resolve("elsewhere").toString()))))
        .isInstanceOfSatisfying(
            WBEMException.class,
            e -> {
              assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
              assertThat(e.getMessage()).contains("is outside every --disk-dir");
            });
    assertThat(TestBed.virsh("pool-list", "--all", "--name").lines().map(String::strip)).doesNotContain(POOL);
  }

  @Test
  @Order(5)
  void aNetworkIsCreatedAndDeletedAndOneThatCannotStartIsNotLeftDefined() throws Exception {
    CIMObjectPath rpcs = calls.service("KVM_ResourcePoolConfigurationService");
    Path base = Files.writeString(
        dir.resolve("base.xml"),
        "<network><name>" + BASE + "</name><bridge name='" + BASE_BRIDGE + "'/></network>");
    TestBed.virsh("net-define", base.toString());
    CimJobCalls.Answer net =
        calls.call(
            rpcs,
            "CreateChildResourcePool",
            string("ElementName", NET),
            embeddedArray(
                "Settings",
                instance(
                    "KVM_NetPoolResourceAllocationSettingData",
                    "ForwardMode", 3,
                    "ForwardDevice", BASE_BRIDGE)));
    assertThat(net.rc()).isZero();
    assertThat(net.ref("Pool").getKeyValue("InstanceID")).isEqualTo("NetworkPool/" + NET);
    assertThat(TestBed.virsh("net-list", "--name").lines().map(String::strip)).contains(NET);
    assertThat(TestBed.virsh("net-dumpxml", NET))
        .contains("<forward mode='bridge'/>")
        .contains("<bridge name='" + BASE_BRIDGE + "'/>");
    assertThat(calls.call(rpcs, "DeleteResourcePool", ref("Pool", net.ref("Pool"))).rc()).isZero();
    assertThat(TestBed.virsh("net-list", "--all", "--name").lines().map(String::strip))
        .doesNotContain(NET);

    // An isolated network with an address: libvirt defines it, then starts it only if it can
    // set its firewall rules up; either it runs and is deleted again, or the method fails with
    // libvirt's reason and leaves nothing defined.
    CimJobCalls.Answer isolated = null;
    try {
      isolated =
          calls.call(
              rpcs,
              "CreateChildResourcePool",
              string("ElementName", NET),
              embeddedArray(
                  "Settings",
                  instance(
                      "KVM_NetPoolResourceAllocationSettingData",
                      "Address", "198.19.231.1",
                      "Netmask", "255.255.255.0",
                      "IPRangeStart", "198.19.231.10",
                      "IPRangeEnd", "198.19.231.20",
                      "ForwardMode", 0)));
    } catch (WBEMException e) {
      System.out.println("[CimJobsIT] an isolated network could not start here: " + e.getMessage());
      assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_FAILED);
    }
    if (isolated != null) {
      assertThat(TestBed.virsh("net-dumpxml", NET))
          .contains("address='198.19.231.1'")
          .contains("<range start='198.19.231.10' end='198.19.231.20'");
      assertThat(calls.call(rpcs, "DeleteResourcePool", ref("Pool", isolated.ref("Pool"))).rc())
          .isZero();
    }
    assertThat(TestBed.virsh("net-list", "--all", "--name").lines().map(String::strip))
        .doesNotContain(NET);
  }

  @Test
  @Order(6)
  void aViewerAndAReadOnlyAgentAreRefused() throws Exception {
    CimJobCalls asBob = new CimJobCalls(agent, bob);
    assertThatThrownBy(
            () ->
                asBob.call(
                    asBob.service("KVM_VirtualSystemSnapshotService"),
                    "CreateSnapshot",
                    ref("AffectedSystem", system()),
                    uint16("SnapshotType", 32769)))
        .isInstanceOfSatisfying(
            WBEMException.class,
            e -> {
              assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED);
              assertThat(e.getMessage()).contains("user 'bob' (viewer) may not run operation");
            });
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");
    Path roDir = Files.createDirectory(dir.resolve("read-only"));
    CimClients ro = CimClients.start(roDir, "--connect", TestBed.QEMU_URI, "--read-only");
    WBEMClient roAlice = ro.client(CimClients.ALICE);
    try {
      CimJobCalls c = new CimJobCalls(ro, roAlice);
      assertThatThrownBy(
              () ->
                  c.call(
                      c.service("KVM_ResourcePoolConfigurationService"),
                      "CreateChildResourcePool",
                      string("ElementName", NET),
                      embeddedArray(
                          "Settings",
                          instance(
                              "KVM_NetPoolResourceAllocationSettingData",
                              "Address", "198.19.231.1",
                              "Netmask", "255.255.255.0",
                              "ForwardMode", 0))))
          .isInstanceOfSatisfying(
              WBEMException.class,
              e -> {
                assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED);
                assertThat(e.getMessage()).contains("read-only agent");
              });
      assertThatThrownBy(
              () ->
                  c.call(
                      c.service("KVM_VirtualSystemSnapshotService"),
                      "CreateSnapshot",
                      ref("AffectedSystem", system()),
                      uint16("SnapshotType", 32769)))
          .isInstanceOfSatisfying(
              WBEMException.class,
              e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED));
    } finally {
      roAlice.close();
      ro.close();
      CimClients.deleteTree(roDir);
    }
    assertThat(TestBed.virsh("net-list", "--all", "--name").lines().map(String::strip)).doesNotContain(NET);
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");
  }
}
