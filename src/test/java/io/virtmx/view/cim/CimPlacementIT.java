/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimJobCalls.embedded;
import static io.virtmx.view.cim.CimJobCalls.embeddedArray;
import static io.virtmx.view.cim.CimJobCalls.instance;
import static io.virtmx.view.cim.CimJobCalls.ref;
import static io.virtmx.view.cim.CimJobCalls.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * What CIM may make libvirt (root) reach on qemu:///system, through the SBLIM client as an
 * operator: volumes (CreateResourceInPool, DeleteResourceInPool, a disk RASD's POOL/VOLUME in
 * DefineSystem) only of pools inside the {@code --disk-dir} ({@code vmx-leftovers-in}; {@code
 * vmx-leftovers-out} outside it and {@code vmx-leftovers-link} reaching out by a symbolic link are
 * refused naming the rule, with nothing changed, as virsh shows), and networks
 * (CreateChildResourcePool) bridged only onto a bridge a libvirt network made ({@code
 * vmx-leftovers-base}'s, not the host bridges {@code virtmxbr0} or {@code vmxtb0}) in a range no host
 * interface ({@code vmxtb0}'s 198.18.0.1/23) and no libvirt network uses; a pool outside the disk
 * dir is not deleted (DeleteResourcePool), and a bridge NIC RASD in DefineSystem goes only onto
 * {@code vmx-leftovers-base}'s bridge, not onto {@code virtmxbr0} or {@code vmxtb0}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CimPlacementIT {
  private static final String PREFIX = "vmx-leftovers-";
  private static final String IN = PREFIX + "in";
  private static final String OUT = PREFIX + "out";
  private static final String LINK = PREFIX + "link";
  private static final String BASE = PREFIX + "base";
  private static final String NET = PREFIX + "net";
  private static final String DOMAIN = PREFIX + "vm";
  private static final String BASE_BRIDGE = "vmxlft0";
  private static final String RULE = "only pools whose target lies inside a --disk-dir may be used";

  private Path work;
  private Path disks;
  private CimClients agent;
  private WBEMClient alice;
  private CimJobCalls calls;

  @BeforeAll
  void start() throws Exception {
    cleanUp();
    work = Files.createTempDirectory(Path.of("/var/tmp"), PREFIX);
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    disks = Files.createDirectory(work.resolve("disks"));
    Path out = Files.createDirectory(work.resolve("out"));
    Files.createSymbolicLink(disks.resolve("link"), out);
    pool(IN, disks.resolve("in"));
    pool(OUT, out);
    TestBed.virsh("pool-define-as", LINK, "dir", "--target", disks.resolve("link").toString());
    for (String pool : List.of(IN, OUT)) {
      TestBed.virsh("vol-create-as", pool, "v.img", "1M", "--format", "raw");
    }
    Path base = work.resolve("base.xml");
    Files.writeString(
        base,
        "<network><name>" + BASE + "</name><bridge name='" + BASE_BRIDGE + "'/>"
            + "<ip address='198.19.240.1' netmask='255.255.255.0'/></network>");
    TestBed.virsh("net-define", base.toString());
    agent = CimClients.start(work, "--connect", TestBed.QEMU_URI, "--disk-dir", disks.toString());
    alice = agent.client(CimClients.ALICE);
    calls = new CimJobCalls(agent, alice);
  }

  private static void pool(String name, Path target) {
    TestBed.virsh("pool-define-as", name, "dir", "--target", target.toString());
    TestBed.virsh("pool-build", name);
    TestBed.virsh("pool-start", name);
  }

  @AfterAll
  void stop() {
    if (alice != null) {
      alice.close();
    }
    if (agent != null) {
      agent.close();
    }
    cleanUp();
    if (work != null) {
      CimClients.deleteTree(disks.resolve("in"));
      CimClients.deleteTree(work.resolve("out"));
      CimClients.deleteTree(disks);
      CimClients.deleteTree(work);
    }
  }

  private static void cleanUp() {
    TestBed.tryVirsh("undefine", DOMAIN);
    for (String net : List.of(NET, BASE)) {
      TestBed.tryVirsh("net-destroy", net);
      TestBed.tryVirsh("net-undefine", net);
    }
    for (String pool : List.of(IN, OUT, LINK)) {
      TestBed.tryVirsh("vol-delete", "v.img", "--pool", pool);
      TestBed.tryVirsh("vol-delete", "new.img", "--pool", pool);
      TestBed.tryVirsh("pool-destroy", pool);
      TestBed.tryVirsh("pool-undefine", pool);
    }
  }

  private static CIMObjectPath poolRef(String kind, String name) {
    return new CIMObjectPath(
        "/root/virt:KVM_" + kind + ".InstanceID=\"" + kind + "/" + name + "\"");
  }

  private CimJobCalls.Answer createVolume(String pool) throws Exception {
    return calls.call(
        calls.service("KVM_ResourcePoolConfigurationService"),
        "CreateResourceInPool",
        embedded(
            "Settings",
            instance(
                "KVM_StorageVolumeResourceAllocationSettingData",
                "VolumeName", "new.img",
                "FormatType", 1,
                "Capacity", 1L,
                "AllocationUnits", "M")),
        ref("Pool", poolRef("DiskPool", pool)));
  }

  private CimJobCalls.Answer deleteVolume(String pool, String path) throws Exception {
    return calls.call(
        calls.service("KVM_ResourcePoolConfigurationService"),
        "DeleteResourceInPool",
        embedded(
            "Resource",
            instance("KVM_StorageVolumeResourceAllocationSettingData", "VolumeName", "v.img",
                "Address", path)),
        ref("Pool", poolRef("DiskPool", pool)));
  }

  private static void refusedByTheRule(WBEMException e, String pool) {
    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
    assertThat(e.getMessage()).contains("storage pool '" + pool + "': " + RULE);
  }

  @Test
  void volumesAreCreatedAndDeletedOnlyInPoolsInsideTheDiskDir() throws Exception {
    for (String pool : List.of(OUT, LINK)) {
      assertThatThrownBy(() -> createVolume(pool))
          .isInstanceOfSatisfying(WBEMException.class, e -> refusedByTheRule(e, pool));
    }
    assertThat(TestBed.virsh("vol-list", OUT)).doesNotContain("new.img");
    assertThat(work.resolve("out/new.img")).doesNotExist();
    Path outsideVolume = work.resolve("out/v.img");
    assertThatThrownBy(() -> deleteVolume(OUT, outsideVolume.toString()))
        .isInstanceOfSatisfying(WBEMException.class, e -> refusedByTheRule(e, OUT));
    assertThat(outsideVolume).exists();
    assertThat(TestBed.virsh("vol-list", OUT)).contains(outsideVolume.toString());

    assertThat(createVolume(IN).rc()).isZero();
    assertThat(TestBed.virsh("vol-list", IN)).contains(disks.resolve("in/new.img").toString());
    assertThat(deleteVolume(IN, disks.resolve("in/v.img").toString()).rc()).isZero();
    assertThat(TestBed.virsh("vol-list", IN)).doesNotContain(disks.resolve("in/v.img").toString());
    TestBed.virsh("vol-create-as", IN, "v.img", "1M", "--format", "raw");
  }

  private Object defineWithDisk(String address) throws WBEMException {
    return defineWith(
        "instance of KVM_DiskResourceAllocationSettingData { VirtualDevice = \"vda\";"
            + " Address = \"" + address + "\"; };");
  }

  private Object defineWith(String rasd) throws WBEMException {
    CIMObjectPath service = ManagementCalls.servicePath(agent, alice);
    return ManagementCalls.invoke(
        alice,
        service,
        "DefineSystem",
        new CIMArgument<?>[] {
          new CIMArgument<>("SystemSettings", CIMDataType.STRING_T, ManagementCalls.vssd(DOMAIN)),
          new CIMArgument<>(
              "ResourceSettings",
              CIMDataType.STRING_ARRAY_T,
              new String[] {rasd})
        },
        new CIMArgument<?>[2]);
  }

  @Test
  void aDiskRasdOfAPoolVolumeIsDefinedOnlyFromAPoolInsideTheDiskDir() throws Exception {
    for (String pool : List.of(OUT, LINK)) {
      assertThatThrownBy(() -> defineWithDisk(pool + "/v.img"))
          .isInstanceOfSatisfying(
              WBEMException.class, e -> assertThat(e.getMessage()).contains("storage pool '" + pool + "': " + RULE));
      assertThat(TestBed.tryVirsh("dominfo", DOMAIN).ok()).isFalse();
    }
    assertThat(defineWithDisk(IN + "/v.img")).isEqualTo(new UnsignedInteger32(0));
    assertThat(TestBed.virsh("dumpxml", DOMAIN))
        .contains("<source pool='" + IN + "' volume='v.img'/>")
        .contains("<backingStore/>");
    TestBed.virsh("undefine", DOMAIN);
  }

  @Test
  void aPoolOutsideTheDiskDirIsNotDeleted() throws Exception {
    for (String pool : List.of(OUT, LINK)) {
      assertThatThrownBy(
              () ->
                  calls.call(
                      calls.service("KVM_ResourcePoolConfigurationService"),
                      "DeleteResourcePool",
                      ref("Pool", poolRef("DiskPool", pool))))
          .isInstanceOfSatisfying(WBEMException.class, e -> refusedByTheRule(e, pool));
      assertThat(TestBed.virsh("pool-list", "--all", "--name").lines().map(String::strip))
          .contains(pool);
    }
    assertThat(TestBed.virsh("pool-info", OUT)).containsPattern("State:\\s+running");
  }

  private Object defineWithNic(String bridge) throws WBEMException {
    return defineWith(
        "instance of KVM_NetResourceAllocationSettingData { NetworkType = \"bridge\";"
            + " NetworkName = \"" + bridge + "\"; Address = \"52:54:00:5e:00:43\"; };");
  }

  @Test
  void aNicRasdIsBridgedOnlyOntoABridgeALibvirtNetworkMade() throws Exception {
    for (String hostBridge : List.of(QemuDomains.BRIDGE, "vmxtb0")) {
      assertThatThrownBy(() -> defineWithNic(hostBridge))
          .isInstanceOfSatisfying(
              WBEMException.class,
              e -> {
                assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
                assertThat(e.getMessage())
                    .contains("interface bridge '" + hostBridge + "' is not the bridge of a libvirt"
                        + " network of this host")
                    .contains("only bridges libvirt networks made may be used");
              });
      assertThat(TestBed.tryVirsh("dominfo", DOMAIN).ok()).isFalse();
    }
    assertThat(defineWithNic(BASE_BRIDGE)).isEqualTo(new UnsignedInteger32(0));
    assertThat(TestBed.virsh("dumpxml", DOMAIN)).contains("<source bridge='" + BASE_BRIDGE + "'/>");
    TestBed.virsh("undefine", DOMAIN);
  }

  private CimJobCalls.Answer createNetwork(Object... settings) throws Exception {
    return calls.call(
        calls.service("KVM_ResourcePoolConfigurationService"),
        "CreateChildResourcePool",
        string("ElementName", NET),
        embeddedArray("Settings", instance("KVM_NetPoolResourceAllocationSettingData", settings)));
  }

  private static void refused(ThrowingRunnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            WBEMException.class,
            e -> {
              assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
              assertThat(e.getMessage()).contains(message);
            });
    assertThat(TestBed.virsh("net-list", "--all", "--name").lines().map(String::strip))
        .doesNotContain(NET);
  }

  /** A call that may throw. */
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void networksAreBridgedOnlyOntoLibvirtsBridgesAndTakeNoRangeInUse() throws Exception {
    for (String hostBridge : List.of(QemuDomains.BRIDGE, "vmxtb0")) {
      refused(
          () -> createNetwork("ForwardMode", 3, "ForwardDevice", hostBridge),
          "forward device '" + hostBridge + "' is not the bridge of a libvirt network of this host");
    }
    refused(
        () -> createNetwork("ForwardMode", 1, "ForwardDevice", "vmxtb0", "Address", "198.19.241.1",
            "Netmask", "255.255.255.0"),
        "forward device 'vmxtb0' is not the bridge");
    refused(
        () -> createNetwork("ForwardMode", 0, "Address", "198.19.240.129", "Netmask", "255.255.255.128"),
        "network 198.19.240.129/25 overlaps 198.19.240.1/24 of libvirt network " + BASE);
    refused(
        () -> createNetwork("ForwardMode", 0, "Address", "198.18.1.254", "Netmask", "255.255.255.0"),
        "network 198.18.1.254/24 overlaps 198.18.0.1/23 of host interface vmxtb0");

    CimJobCalls.Answer bridged = createNetwork("ForwardMode", 3, "ForwardDevice", BASE_BRIDGE);
    assertThat(bridged.rc()).isZero();
    assertThat(TestBed.virsh("net-dumpxml", NET)).contains("<bridge name='" + BASE_BRIDGE + "'/>");
    assertThat(
            calls.call(
                    calls.service("KVM_ResourcePoolConfigurationService"),
                    "DeleteResourcePool",
                    ref("Pool", bridged.ref("Pool")))
                .rc())
        .isZero();
    // A free range passes the checks and reaches libvirt, which starts it or says why not (this
    // host has no firewall tool for an addressed network); either way nothing of ours refused it.
    try {
      createNetwork("ForwardMode", 0, "Address", "198.19.241.1", "Netmask", "255.255.255.0");
    } catch (WBEMException e) {
      assertThat(e.getID()).as(e.getMessage()).isEqualTo(WBEMException.CIM_ERR_FAILED);
      assertThat(e.getMessage()).doesNotContain("overlaps").doesNotContain("forward device");
    }
    TestBed.tryVirsh("net-destroy", NET);
    TestBed.tryVirsh("net-undefine", NET);
  }
}
