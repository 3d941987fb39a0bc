/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimClients.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;

/**
 * VirtualSystemManagementService on real libvirt through the SBLIM client and wbemcli: a domain
 * defined from a VSSD and disk, NIC, memory and processor RASDs (MOF text), started with
 * RequestStateChange(2), a disk hot-plugged (a CIM-XML embedded instance) and removed, its memory
 * changed, then destroyed; libvirt-cim's error codes and texts; a viewer and --read-only refused.
 * Its own domains, network (on the test bed's bridge: the host has no firewall for a NAT one) and
 * files are named vmx-vsms-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CimSystemManagementIT {
  private static final String DOMAIN = "vmx-vsms-1";
  private static final String NETWORK = "vmx-vsms-net";
  private static final Duration SEEN = Duration.ofSeconds(20);

  private Path work;
  private Path disks;
  private CimClients agent;
  private WBEMClient alice;
  private CIMObjectPath service;
  private WBEMListener listener;
  private int listenerPort;
  private final java.util.concurrent.LinkedBlockingQueue<CIMInstance> indications =
      new java.util.concurrent.LinkedBlockingQueue<>();

  @BeforeAll
  void start() throws Exception {
    cleanUp();
    work = Files.createTempDirectory(Path.of("/var/tmp"), "vmx-vsms-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    disks = Files.createDirectory(work.resolve("disks"));
    Path net = work.resolve("net.xml");
    Files.writeString(
        net,
        "<network><name>"
            + NETWORK
            + "</name><forward mode='bridge'/><bridge name='vmxtb0'/></network>");
    TestBed.virsh("net-create", net.toString());
    // A delivery the listener fails under load is retried 2 s later, within the awaits below
    // (libvirt-cim's 20 s default equals their timeout); every indication must still arrive.
    agent =
        CimClients.start(
            work,
            "--connect",
            TestBed.QEMU_URI,
            "--disk-dir",
            disks.toString(),
            "--interval",
            "2s",
            "--cim-delivery-retry-interval",
            "2s");
    alice = agent.client(CimClients.ALICE);
    service = ManagementCalls.servicePath(agent, alice);
    listener = WBEMListenerFactory.getListener("CIM-XML");
    listenerPort = listener.addListener((url, ind) -> indications.add(ind), 0, "http");
    for (String kind : List.of("Created", "Deleted", "Modified")) {
      subscribe(kind, "http://127.0.0.1:" + listenerPort + "/rasd");
    }
  }

  /** A subscription of the listener to KVM_ResourceAllocationSettingData{kind}Indication. */
  private void subscribe(String kind, String url) throws WBEMException {
    CIMObjectPath f =
        alice.createInstance(
            new CIMInstance(
                agent.path("root/interop", "CIM_IndicationFilter"),
                new CIMProperty<?>[] {
                  new CIMProperty<>("Name", CIMDataType.STRING_T, "vmx-vsms-" + kind),
                  new CIMProperty<>(
                      "Query",
                      CIMDataType.STRING_T,
                      "SELECT * FROM KVM_ResourceAllocationSettingData" + kind + "Indication"),
                  new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "WQL")
                }));
    CIMObjectPath d =
        alice.createInstance(
            new CIMInstance(
                agent.path("root/interop", "CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {
                  new CIMProperty<>("Name", CIMDataType.STRING_T, "vmx-vsms-" + kind),
                  new CIMProperty<>("Destination", CIMDataType.STRING_T, url)
                }));
    alice.createInstance(
        new CIMInstance(
            agent.path("root/interop", "CIM_IndicationSubscription"),
            new CIMProperty<?>[] {
              new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), f),
              new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestinationCIMXML"), d)
            }));
  }

  /** Awaits the indication of that class whose SourceInstance has that InstanceID. */
  private CIMInstance indicated(String kind, String instanceId) {
    List<CIMInstance> seen = new java.util.ArrayList<>();
    return Await.until(
        "KVM_ResourceAllocationSettingData" + kind + "Indication of " + instanceId,
        () -> {
          indications.drainTo(seen);
          return seen.stream()
              .filter(i -> i.getClassName().equals("KVM_ResourceAllocationSettingData" + kind + "Indication"))
              .filter(i -> i.getPropertyValue("SourceInstance") instanceof CIMInstance src
                  && instanceId.equals(src.getPropertyValue("InstanceID")))
              .findFirst();
        },
        java.util.Optional::isPresent,
        SEEN).orElseThrow();
  }

  @AfterAll
  void stop() {
    if (listener != null) {
      listener.removeListener(listenerPort);
    }
    if (alice != null) {
      alice.close();
    }
    if (agent != null) {
      agent.close();
    }
    cleanUp();
    CimClients.deleteTree(disks);
    CimClients.deleteTree(work);
  }

  private static void cleanUp() {
    if (TestBed.tryVirsh("domstate", DOMAIN).ok()) {
      TestBed.tryVirsh("destroy", DOMAIN);
      TestBed.tryVirsh("undefine", DOMAIN);
    }
    TestBed.tryVirsh("net-destroy", NETWORK);
  }

  private Path image(String name) {
    Path p = disks.resolve(name);
    TestBed.run(List.of("truncate", "-s", "16M", p.toString())).orThrow();
    return p;
  }

  private String[] resources(Path disk) {
    return new String[] {
      "instance of KVM_DiskResourceAllocationSettingData { VirtualDevice = \"vda\"; Address = \""
          + disk
          + "\"; };",
      "instance of KVM_NetResourceAllocationSettingData { NetworkType = \"network\";"
          + " PoolID = \"NetworkPool/" + NETWORK + "\"; Address = \"52:54:00:5e:00:42\"; };",
      "instance of KVM_MemResourceAllocationSettingData { VirtualQuantity = 128;"
          + " AllocationUnits = \"MegaBytes\"; };",
      "instance of KVM_ProcResourceAllocationSettingData { VirtualQuantity = 2; };"
    };
  }

  private Object call(WBEMClient client, String method, CIMArgument<?>[] out, CIMArgument<?>... in)
      throws WBEMException {
    return ManagementCalls.invoke(client, service, method, in, out);
  }

  @Test
  void aDomainDefinedFromSettingsStartsGetsADiskChangesMemoryAndIsDestroyed() throws Exception {
    Path vda = image("vmx-vsms-vda.img");
    CIMArgument<?>[] out = new CIMArgument<?>[2];
    Object rc =
        call(alice, "DefineSystem", out,
            new CIMArgument<>("SystemSettings", CIMDataType.STRING_T, ManagementCalls.vssd(DOMAIN)),
            new CIMArgument<>("ResourceSettings", CIMDataType.STRING_ARRAY_T, resources(vda)));
    assertThat(rc).isEqualTo(new UnsignedInteger32(0));
    assertThat(out[0].getName()).isEqualTo("ResultingSystem");
    CIMObjectPath system = (CIMObjectPath) out[0].getValue();
    assertThat(system.getKey("Name").getValue()).isEqualTo(DOMAIN);
    String xml = TestBed.virsh("dumpxml", DOMAIN);
    assertThat(xml)
        .contains("<source file='" + vda + "'")
        .contains("<target dev='vda'")
        .contains("<source network='" + NETWORK + "'")
        .contains("<mac address='52:54:00:5e:00:42'/>")
        .contains("<memory unit='KiB'>131072</memory>")
        .containsPattern("<vcpu[^>]*>2</vcpu>");

    assertThat(((CIMInstance) indicated("Created", DOMAIN + "/vda").getPropertyValue("SourceInstance"))
            .getPropertyValue("Address"))
        .isEqualTo(vda.toString());
    indicated("Created", DOMAIN + "/mem");
    Await.until("the CIM view serves " + DOMAIN, () -> inModel(DOMAIN), SEEN);
    assertThat(consoles(DOMAIN))
        .extracting(i -> i.getPropertyValue("Name"), i -> i.getPropertyValue("EnabledState"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("-1:-1", new UnsignedInteger16(3)));
    Object started =
        ManagementCalls.invoke(
            alice,
            new CIMObjectPath("/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\"" + DOMAIN + "\""),
            "RequestStateChange",
            new CIMArgument<?>[] {
              new CIMArgument<>("RequestedState", CIMDataType.UINT16_T, new UnsignedInteger16(2))
            },
            new CIMArgument<?>[1]);
    assertThat(started).isEqualTo(new UnsignedInteger32(0));
    assertThat(TestBed.virsh("domstate", DOMAIN).strip()).isEqualTo("running");
    Await.until("the CIM view sees the domain running", () -> running(DOMAIN), SEEN);
    consoleIsServed();

    Path vdb = image("vmx-vsms-vdb.img");
    CIMObjectPath[] resulting = ManagementCalls.addDisk(alice, service, DOMAIN, vdb, "vdb");
    assertThat(resulting[0].getKey("InstanceID").getValue()).isEqualTo(DOMAIN + "/vdb");
    assertThat(TestBed.virsh("domblklist", DOMAIN)).contains("vdb").contains(vdb.toString());
    assertThat(TestBed.virsh("dumpxml", "--inactive", DOMAIN)).contains(vdb.toString());
    indicated("Created", DOMAIN + "/vdb");

    Await.until("the CIM view serves the RASD of vdb",
        () -> ManagementCalls.served(alice, agent, "KVM_DiskResourceAllocationSettingData", DOMAIN + "/vdb"), SEEN);
    ManagementCalls.removeDisk(alice, service, DOMAIN, "vdb");
    // gone from the definition at once; the live unplug waits for a guest OS to let go of it,
    // which this OS-less domain has not (CimGuestHotplugIT shows that part on the real guest)
    assertThat(TestBed.virsh("dumpxml", "--inactive", DOMAIN)).doesNotContain(vdb.toString());
    indicated("Deleted", DOMAIN + "/vdb");

    CIMArgument<?>[] modified = new CIMArgument<?>[2];
    Object modRc =
        call(alice, "ModifyResourceSettings", modified,
            new CIMArgument<>("ResourceSettings", CIMDataType.STRING_ARRAY_T, new String[] {
              "instance of KVM_MemResourceAllocationSettingData { InstanceID = \"" + DOMAIN
                  + "/mem\"; VirtualQuantity = 98304; AllocationUnits = \"KiloBytes\"; };"}));
    assertThat(modRc).isEqualTo(new UnsignedInteger32(0));
    assertThat(TestBed.virsh("dumpxml", "--inactive", DOMAIN))
        .contains("<currentMemory unit='KiB'>98304</currentMemory>");
    CIMInstance memChange = indicated("Modified", DOMAIN + "/mem");
    assertThat(((CIMInstance) memChange.getPropertyValue("SourceInstance")).getPropertyValue("VirtualQuantity"))
        .isEqualTo(new org.metricshub.wbem.javax.cim.UnsignedInteger64("98304"));
    assertThat(((CIMInstance) memChange.getPropertyValue("PreviousInstance")).getPropertyValue("VirtualQuantity"))
        .isEqualTo(new org.metricshub.wbem.javax.cim.UnsignedInteger64("131072"));

    TestBed.Result destroyed =
        agent.wbemcli(CimClients.ALICE, "cm", wbemcliService(), "DestroySystem.AffectedSystem="
            + "KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\"" + DOMAIN + "\"");
    assertThat(destroyed.ok()).as(destroyed.stderr()).isTrue();
    assertThat(destroyed.stdout()).contains("DestroySystem: 0");
    assertThat(TestBed.virsh("list", "--all", "--name")).doesNotContain(DOMAIN);
    indicated("Deleted", DOMAIN + "/proc");
  }

  private List<CIMInstance> consoles(String name) throws WBEMException {
    return all(alice.enumerateInstances(agent.path("root/virt", "KVM_KVMRedirectionSAP"), true, false, false, null))
        .stream()
        .filter(i -> name.equals(i.getPropertyValue("SystemName")))
        .toList();
  }

  /**
   * The running domain's VNC port (libvirt picked it) is its KVMRedirectionSAP "PORT:0", Available,
   * listed by wbemcli and associated with the system and the ConsoleRedirectionService.
   */
  private void consoleIsServed() throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<graphics type='vnc' port='(\\d+)'")
            .matcher(TestBed.virsh("dumpxml", DOMAIN));
    assertThat(m.find()).isTrue();
    String name = m.group(1) + ":0";
    Await.until(
        "wbemcli lists the console " + name,
        () -> CimClients.values(
                agent.wbemcli(CimClients.BOB, "ei", "root/virt:KVM_KVMRedirectionSAP").stdout(),
                "Name")
            .contains(name),
        SEEN);
    CIMObjectPath cs =
        new CIMObjectPath("/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\"" + DOMAIN + "\"");
    List<CIMInstance> saps =
        all(alice.associatorInstances(cs, "KVM_SAPAvailableForElement", null, null, null, false, null));
    assertThat(saps).hasSize(1);
    assertThat(saps.get(0).getPropertyValue("Name")).isEqualTo(name);
    assertThat(saps.get(0).getPropertyValue("KVMProtocol")).isEqualTo(new UnsignedInteger16(4));
    assertThat(saps.get(0).getPropertyValue("EnabledState")).isEqualTo(new UnsignedInteger16(6));
    List<CIMInstance> services =
        all(alice.associatorInstances(saps.get(0).getObjectPath(), "KVM_ServiceAccessBySAP", null, null, null, false, null));
    assertThat(services).extracting(i -> i.getPropertyValue("Name")).containsExactly("ConsoleRedirectionService");
  }

  private boolean inModel(String name) throws WBEMException {
    return all(alice.enumerateInstances(agent.path("root/virt", "KVM_ComputerSystem"), true, false, false, null))
        .stream()
        .anyMatch(i -> name.equals(i.getPropertyValue("Name")));
  }

  private boolean running(String name) throws WBEMException {
    return all(alice.enumerateInstances(agent.path("root/virt", "KVM_ComputerSystem"), true, false, false, null))
        .stream()
        .anyMatch(i -> name.equals(i.getPropertyValue("Name"))
            && new UnsignedInteger16(2).equals(i.getPropertyValue("EnabledState")));
  }

  private String wbemcliService() {
    StringBuilder b = new StringBuilder("root/virt:KVM_VirtualSystemManagementService.");
    for (CIMProperty<?> k : service.getKeys()) {
      if (b.charAt(b.length() - 1) != '.') {
        b.append(',');
      }
      b.append(k.getName()).append("=\"").append(k.getValue()).append('"');
    }
    return b.toString();
  }

  @Test
  void errorsAnswerWithLibvirtCimsCodesAndTexts() throws Exception {
    assertThatThrownBy(
            () -> call(alice, "DestroySystem", new CIMArgument<?>[1],
                new CIMArgument<>("AffectedSystem", new CIMDataType("KVM_ComputerSystem"),
                    new CIMObjectPath("/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\"vmx-vsms-none\""))))
        .isInstanceOfSatisfying(WBEMException.class, e -> {
          assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
          assertThat(e.getMessage()).contains("Referenced domain `vmx-vsms-none' does not exist: Domain not found");
        });

    TestBed.Result bad =
        agent.wbemcli(CimClients.ALICE, "cm", wbemcliService(),
            "ModifyResourceSettings.ResourceSettings=not-an-instance");
    assertThat(bad.ok()).isFalse();
    assertThat(bad.stderr()).contains("CIM_ERR_FAILED").contains("Unable to parse embedded object");

    TestBed.Result unknown = agent.wbemcli(CimClients.ALICE, "cm", wbemcliService(), "FormatHost");
    assertThat(unknown.stderr()).contains("CIM_ERR_METHOD_NOT_AVAILABLE");

    String outside = "vmx-vsms-outside";
    assertThatThrownBy(
            () -> call(alice, "DefineSystem", new CIMArgument<?>[2],
                new CIMArgument<>("SystemSettings", CIMDataType.STRING_T, ManagementCalls.vssd(outside)),
                new CIMArgument<>("ResourceSettings", CIMDataType.STRING_ARRAY_T, new String[] {
                  "instance of KVM_DiskResourceAllocationSettingData { VirtualDevice = \"vda\";"
                      + " Address = \"/etc/passwd\"; };"})))
        .isInstanceOfSatisfying(WBEMException.class, e -> {
          assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
          assertThat(e.getMessage()).contains("outside every --disk-dir");
        });
    assertThat(TestBed.virsh("list", "--all", "--name")).doesNotContain(outside);

    assertThatThrownBy(
            () -> call(alice, "RemoveResourceSettings", new CIMArgument<?>[1],
                new CIMArgument<>("ResourceSettings", new CIMDataType("KVM_DiskResourceAllocationSettingData", 0),
                    new CIMObjectPath[] {ManagementCalls.rasdPath("KVM_DiskResourceAllocationSettingData", "vmx-vsms-none/invalid")})))
        .isInstanceOfSatisfying(WBEMException.class, e -> {
          assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
          assertThat(e.getMessage()).contains("No such instance (vmx-vsms-none/invalid)");
        });
  }

  @Test
  void aViewersDefineSystemIsRefusedAndDefinesNothing() throws Exception {
    WBEMClient bob = agent.client(CimClients.BOB);
    try {
      assertRefused(bob, service, "vmx-vsms-viewer");
    } finally {
      bob.close();
    }
  }

  @Test
  void aReadOnlyAgentRefusesDefineSystem() throws Exception {
    Path dir = Files.createDirectory(work.resolve("read-only"));
    try (CimClients readOnly = CimClients.start(dir, "--connect", TestBed.QEMU_URI, "--read-only")) {
      WBEMClient client = readOnly.client(CimClients.ALICE);
      try {
        CIMObjectPath svc =
            all(client.enumerateInstanceNames(
                    readOnly.path("root/virt", "KVM_VirtualSystemManagementService")))
                .get(0);
        assertRefused(client, svc, "vmx-vsms-readonly");
      } finally {
        client.close();
      }
    } finally {
      CimClients.deleteTree(dir);
    }
  }

  private static void assertRefused(WBEMClient client, CIMObjectPath svc, String name) {
    assertThatThrownBy(
            () -> ManagementCalls.invoke(client, svc, "DefineSystem",
                new CIMArgument<?>[] {
                  new CIMArgument<>("SystemSettings", CIMDataType.STRING_T, ManagementCalls.vssd(name)),
                  new CIMArgument<>("ResourceSettings", CIMDataType.STRING_ARRAY_T, new String[] {
                    "instance of KVM_ProcResourceAllocationSettingData { VirtualQuantity = 1; };"})
                },
                new CIMArgument<?>[2]))
        .isInstanceOfSatisfying(WBEMException.class,
            e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED));
    assertThat(TestBed.virsh("list", "--all", "--name")).doesNotContain(name);
  }
}
