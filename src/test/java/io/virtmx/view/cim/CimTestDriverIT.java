/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimClients.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.TestBed;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The CIM view of libvirt's in-process test driver ({@code test:///default}) through wbemcli and
 * the SBLIM client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CimTestDriverIT {
  private static final String URI = "test:///default";
  private static final String NIC = "test/aa:bb:cc:dd:ee:ff";
  private CimClients agent;
  private WBEMClient bob;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    agent = CimClients.start(URI, dir);
    bob = agent.client(CimClients.BOB);
  }

  @AfterAll
  void stop() {
    if (bob != null) {
      bob.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

  private static String rasdPath(String kind, String id) {
    return "root/virt:Libvirt_" + kind + "ResourceAllocationSettingData.InstanceID=\"" + id + "\"";
  }

  @Test
  void classesCarryTheLibvirtPrefixAndTheDomainIsTest() {
    TestBed.Result names = agent.wbemcli(CimClients.BOB, "ein", "root/virt:CIM_ComputerSystem");
    assertThat(names.ok()).as(names.stderr()).isTrue();
    assertThat(
            names
                .stdout()
                .lines()
                .map(l -> l.replaceAll(".*root/virt:(\\w+)\\..*", "$1"))
                .distinct())
        .containsExactlyInAnyOrder("Libvirt_HostSystem", "Libvirt_ComputerSystem");
    TestBed.Result cs = agent.wbemcli(CimClients.BOB, "ei", "root/virt:Libvirt_ComputerSystem");
    assertThat(new java.util.TreeSet<>(CimClients.values(cs.stdout(), "Name")))
        .containsExactly("test");
    assertThat(cs.stdout()).contains("EnabledState=2,");
    assertThat(agent.wbemcli(CimClients.BOB, "ei", "root/virt:KVM_ComputerSystem").stdout())
        .doesNotContain("Name=");
    TestBed.Result profiles =
        agent.wbemcli(CimClients.BOB, "ei", "root/interop:Libvirt_RegisteredProfile");
    assertThat(CimClients.values(profiles.stdout(), "InstanceID"))
        .contains("CIM:DSP1057-VirtualSystem-1.0.0a");
  }

  @Test
  void diskAndNicSettingsMatchVirsh() throws Exception {
    String blk = TestBed.virsh("-c", URI, "domblklist", "test");
    assertThat(blk).contains("vda").contains("/guest/diskimage1");
    TestBed.Result vda = agent.wbemcli(CimClients.BOB, "gi", rasdPath("Disk", "test/vda"));
    assertThat(vda.ok()).as(vda.stderr()).isTrue();
    assertThat(vda.stdout())
        .contains("HostResource=\"/guest/diskimage1\"")
        .contains("ResourceType=17,");

    assertThat(TestBed.virsh("-c", URI, "domiflist", "test")).contains("aa:bb:cc:dd:ee:ff");
    CIMInstance nic =
        bob.getInstance(new CIMObjectPath("/" + rasdPath("Net", NIC)), false, false, null);
    assertThat(nic.getPropertyValue("Address")).isEqualTo("aa:bb:cc:dd:ee:ff");
    assertThat(nic.getPropertyValue("NetworkName")).isEqualTo("default");
    assertThat(nic.getPropertyValue("PoolID")).isEqualTo("NetworkPool/default");
    List<CIMInstance> pool =
        all(
            bob.associatorInstances(
                nic.getObjectPath(),
                "Libvirt_ResourceAllocationFromPool",
                null,
                null,
                null,
                false,
                null));
    assertThat(pool)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getClassName()).isEqualTo("Libvirt_NetworkPool");
              assertThat(p.getPropertyValue("InstanceID")).isEqualTo("NetworkPool/default");
            });
  }

  @Test
  void storagePoolAndNetworkArePools() {
    assertThat(TestBed.virsh("-c", URI, "pool-list", "--all", "--name")).contains("default-pool");
    TestBed.Result disk = agent.wbemcli(CimClients.BOB, "ei", "root/virt:Libvirt_DiskPool");
    assertThat(CimClients.values(disk.stdout(), "InstanceID"))
        .containsExactlyInAnyOrder("DiskPool/0", "DiskPool/default-pool");
    TestBed.Result net = agent.wbemcli(CimClients.BOB, "ei", "root/virt:Libvirt_NetworkPool");
    assertThat(CimClients.values(net.stdout(), "InstanceID"))
        .containsExactlyInAnyOrder("NetworkPool/0", "NetworkPool/default");
    TestBed.Result got =
        agent.wbemcli(
            CimClients.BOB,
            "gi",
            "root/virt:Libvirt_DiskPool.InstanceID=\"DiskPool/default-pool\"");
    assertThat(got.stdout()).contains("ElementName=\"default-pool\"").contains("Primordial=FALSE");
  }

  @Test
  void allocationMaximaAreTheNodeOfVirshNodeinfo() throws Exception {
    Map<String, String> node = new HashMap<>();
    TestBed.virsh("-c", URI, "nodeinfo")
        .lines()
        .filter(l -> l.contains(":"))
        .forEach(
            l ->
                node.put(
                    l.substring(0, l.indexOf(':')).strip(),
                    l.substring(l.indexOf(':') + 1).strip()));
    long cpus = Long.parseLong(node.get("CPU(s)"));
    long memoryKib = Long.parseLong(node.get("Memory size").replace(" KiB", ""));
    assertThat(maxima("ProcessorPool/0"))
        .containsEntry("Maximum", cpus)
        .containsEntry("Minimum", 1L);
    assertThat(maxima("MemoryPool/0"))
        .containsEntry("Maximum", memoryKib)
        .containsEntry("Default", 262144L);
    TestBed.Result refs =
        agent.wbemcli(
            CimClients.BOB,
            "ri",
            "root/virt:Libvirt_AllocationCapabilities.InstanceID=\"MemoryPool/0\"",
            "-arc",
            "Libvirt_SettingsDefineCapabilities");
    assertThat(refs.ok()).as(refs.stderr()).isTrue();
    assertThat(refs.stdout())
        .contains("InstanceID=\"Maximum\",PropertyPolicy=0,ValueRole=3,ValueRange=2")
        .contains("InstanceID=\"Default\",PropertyPolicy=0,ValueRole=0,ValueRange=0");
  }

  /** VirtualQuantity by InstanceID of the settings a pool's AllocationCapabilities define. */
  private Map<String, Long> maxima(String pool) throws Exception {
    CIMObjectPath caps =
        new CIMObjectPath("/root/virt:Libvirt_AllocationCapabilities.InstanceID=\"" + pool + "\"");
    Map<String, Long> out = new HashMap<>();
    for (CIMInstance t :
        all(
            bob.associatorInstances(
                caps, "Libvirt_SettingsDefineCapabilities", null, null, null, false, null))) {
      out.put(
          (String) t.getPropertyValue("InstanceID"),
          ((UnsignedInteger64) t.getPropertyValue("VirtualQuantity")).longValue());
    }
    return out;
  }
}
