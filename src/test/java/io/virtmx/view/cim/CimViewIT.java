/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimClients.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.Await;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The CIM view against the test bed's real QEMU domains, through wbemcli and the SBLIM Java client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CimViewIT {
  private QemuDomains vms;
  private CimClients agent;
  private WBEMClient alice;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    vms = QemuDomains.start(2);
    agent = CimClients.start(TestBed.QEMU_URI, dir);
    alice = agent.client(CimClients.ALICE);
  }

  @AfterAll
  void stop() {
    if (alice != null) {
      alice.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (vms != null) {
      vms.close();
    }
  }

  /** What alice finds associated with {@code of} through that association class. */
  private List<CIMInstance> associators(CIMObjectPath of, String association) throws WBEMException {
    return all(alice.associatorInstances(of, association, null, null, null, false, null));
  }

  /** The resource allocation settings of a domain's settings (KVM_VirtualSystemSettingData). */
  private List<CIMInstance> resources(CIMInstance vssd) throws WBEMException {
    return associators(vssd.getObjectPath(), "KVM_VirtualSystemSettingDataComponent");
  }

  private static String csPath(String name) {
    return "root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\""
        + name
        + "\"";
  }

  @Test
  void computerSystemNamesEqualVirshListAll() throws InterruptedException {
    Await.untilPasses(
        Duration.ofSeconds(20),
        () -> {
          Set<String> virsh =
              new TreeSet<>(
                  TestBed.virsh("list", "--all", "--name")
                      .lines()
                      .map(String::strip)
                      .filter(s -> !s.isEmpty())
                      .toList());
          TestBed.Result r =
              agent.wbemcli(CimClients.BOB, "ei", "root/virt:KVM_ComputerSystem", "Name");
          assertThat(r.ok()).as(r.stderr()).isTrue();
          assertThat(new TreeSet<>(CimClients.values(r.stdout(), "Name"))).isEqualTo(virsh);
        });
    assertThat(
            CimClients.values(
                agent.wbemcli(CimClients.BOB, "ei", "root/virt:KVM_ComputerSystem").stdout(),
                "Name"))
        .containsAll(vms.names());
  }

  @Test
  void getInstanceOfEachEqualsTheEnumeration() throws Exception {
    for (CIMInstance listed :
        all(
            alice.enumerateInstances(
                agent.path("root/virt", "KVM_ComputerSystem"), true, false, false, null))) {
      if (!vms.names().contains((String) listed.getPropertyValue("Name"))) {
        continue; // other helpers' domains may change state meanwhile
      }
      CIMInstance got = alice.getInstance(listed.getObjectPath(), false, false, null);
      assertThat(got.getObjectPath()).isEqualTo(listed.getObjectPath());
      assertThat(List.of(got.getProperties()))
          .containsExactlyInAnyOrderElementsOf(List.of(listed.getProperties()));
      assertThat(got.getPropertyValue("EnabledState")).isEqualTo(new UnsignedInteger16(2));
    }
  }

  @Test
  void associatorsReachSettingsResourcesAndDevicesMatchingVirsh() throws Exception {
    for (String name : vms.names()) {
      CIMObjectPath cs = new CIMObjectPath("/" + csPath(name));
      List<CIMInstance> vssd = associators(cs, "KVM_ElementSettingData");
      assertThat(vssd)
          .singleElement()
          .extracting(i -> i.getPropertyValue("InstanceID"))
          .isEqualTo("KVM:" + name);
      List<CIMInstance> rasds = resources(vssd.get(0));
      List<CIMInstance> devices = associators(cs, "KVM_SystemDevice");
      Set<String> targets = new TreeSet<>(table(TestBed.virsh("domblklist", name), 0));
      Set<String> macs = new TreeSet<>(table(TestBed.virsh("domiflist", name), 4));
      assertThat(ids(rasds, "KVM_DiskResourceAllocationSettingData", "InstanceID", name))
          .isEqualTo(targets);
      assertThat(ids(devices, "KVM_LogicalDisk", "DeviceID", name)).isEqualTo(targets);
      assertThat(ids(rasds, "KVM_NetResourceAllocationSettingData", "InstanceID", name))
          .isEqualTo(macs);
      assertThat(ids(devices, "KVM_NetworkPort", "DeviceID", name)).isEqualTo(macs);
      assertThat(ids(devices, "KVM_Processor", "DeviceID", name))
          .containsExactlyInAnyOrder("0", "1");
      assertThat(ids(rasds, "KVM_MemResourceAllocationSettingData", "InstanceID", name))
          .containsExactly("mem");
      TestBed.Result w =
          agent.wbemcli(
              CimClients.BOB,
              "ain",
              csPath(name),
              "-ac",
              "KVM_SystemDevice",
              "-arc",
              "KVM_LogicalDisk");
      assertThat(new TreeSet<>(CimClients.values(w.stdout(), "DeviceID")))
          .isEqualTo(prefixed(name, targets));
    }
  }

  @Test
  void graphicsInputControllerAndConsoleMatchTheDefinition() throws Exception {
    for (String name : vms.names()) {
      Map<String, Set<String>> expected = definedDevices(TestBed.virsh("dumpxml", name));
      assertThat(expected.get("controller")).as("libvirt adds controllers").isNotEmpty();
      assertThat(expected.get("console"))
          .as("the test bed's pty serial")
          .containsExactly("charconsole:0");
      CIMObjectPath cs = new CIMObjectPath("/" + csPath(name));
      List<CIMInstance> rasds = resources(associators(cs, "KVM_ElementSettingData").get(0));
      List<CIMInstance> devices = associators(cs, "KVM_SystemDevice");
      assertThat(ids(rasds, "KVM_ControllerResourceAllocationSettingData", "InstanceID", name))
          .isEqualTo(expected.get("controller"));
      assertThat(ids(rasds, "KVM_InputResourceAllocationSettingData", "InstanceID", name))
          .isEqualTo(expected.get("input"));
      assertThat(ids(rasds, "KVM_ConsoleResourceAllocationSettingData", "InstanceID", name))
          .isEqualTo(expected.get("console"));
      assertThat(ids(rasds, "KVM_GraphicsResourceAllocationSettingData", "InstanceID", name))
          .isEqualTo(expected.get("graphics"));
      assertThat(ids(devices, "KVM_DisplayController", "DeviceID", name))
          .isEqualTo(expected.get("graphics"));
      Set<String> pointing = new TreeSet<>(expected.get("input"));
      pointing.removeIf(id -> !id.startsWith("mouse:") && !id.startsWith("tablet:"));
      assertThat(ids(devices, "KVM_PointingDevice", "DeviceID", name)).isEqualTo(pointing);
      for (CIMInstance d : devices) {
        if (d.getClassName().equals("KVM_PointingDevice")) {
          List<CIMInstance> pools = associators(d.getObjectPath(), "KVM_ElementAllocatedFromPool");
          assertThat(pools)
              .extracting(p -> p.getPropertyValue("InstanceID"))
              .containsExactly("InputPool/0");
        }
      }
    }
    TestBed.Result w =
        agent.wbemcli(
            CimClients.BOB,
            "ei",
            "root/virt:KVM_ConsoleResourceAllocationSettingData",
            "InstanceID");
    assertThat(CimClients.values(w.stdout(), "InstanceID"))
        .contains(vms.names().get(0) + "/charconsole:0");
  }

  /**
   * The libvirt-cim ids of a domain definition's controllers, inputs, consoles and graphics, by
   * kind.
   */
  private static Map<String, Set<String>> definedDevices(String xml) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document doc =
        f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    Map<String, Set<String>> out = new HashMap<>();
    for (String kind : List.of("controller", "input", "console", "graphics")) {
      Set<String> ids = new TreeSet<>();
      org.w3c.dom.NodeList nodes = doc.getElementsByTagName(kind);
      for (int i = 0; i < nodes.getLength(); i++) {
        org.w3c.dom.Element e = (org.w3c.dom.Element) nodes.item(i);
        ids.add(
            switch (kind) {
              case "controller" ->
                  "controller:" + e.getAttribute("type") + ":" + e.getAttribute("index");
              case "input" -> e.getAttribute("type") + ":" + e.getAttribute("bus");
              case "console" ->
                  "charconsole:"
                      + ((org.w3c.dom.Element) e.getElementsByTagName("target").item(0))
                          .getAttribute("port");
              default ->
                  e.getAttribute("type").equals("vnc")
                      ? "vnc"
                      : e.getAttribute("type") + ":" + e.getAttribute("port");
            });
      }
      out.put(kind, ids);
    }
    return out;
  }

  private static Set<String> prefixed(String name, Set<String> ids) {
    Set<String> out = new TreeSet<>();
    ids.forEach(i -> out.add(name + "/" + i));
    return out;
  }

  private static Set<String> ids(
      List<CIMInstance> list, String className, String key, String domain) {
    Set<String> out = new TreeSet<>();
    for (CIMInstance i : list) {
      if (i.getClassName().equals(className)) {
        String id = (String) i.getPropertyValue(key);
        assertThat(id).startsWith(domain + "/");
        out.add(id.substring(domain.length() + 1));
      }
    }
    return out;
  }

  /** Column {@code col} of a virsh table printed with -q (no header). */
  private static List<String> table(String out, int col) {
    return out.lines().filter(l -> !l.isBlank()).map(l -> l.strip().split("\\s+")[col]).toList();
  }

  @Test
  void everyRegisteredProfileReachesItsCentralInstances() throws Exception {
    List<CIMInstance> profiles =
        all(
            alice.enumerateInstances(
                agent.path("root/interop", "KVM_RegisteredProfile"), true, false, false, null));
    assertThat(profiles)
        .extracting(p -> (String) p.getPropertyValue("InstanceID"))
        .contains(
            "CIM:DSP1042-SystemVirtualization-1.0.0", "CIM:DSP1057-VirtualSystem-1.0.0a",
            "CIM:DSP1045-MemoryResourceVirtualization-1.0.0",
                "CIM:DSP1043-AllocationCapabilities-1.0.0a");
    Map<String, List<CIMInstance>> central = new HashMap<>();
    for (CIMInstance p : profiles) {
      List<CIMInstance> found =
          all(
              alice.associatorInstances(
                  p.getObjectPath(),
                  "KVM_ElementConformsToProfile",
                  null,
                  "ConformantStandard",
                  "ManagedElement",
                  false,
                  null));
      assertThat(found).as((String) p.getPropertyValue("InstanceID")).isNotEmpty();
      central.put((String) p.getPropertyValue("InstanceID"), found);
    }
    assertThat(central.get("CIM:DSP1042-SystemVirtualization-1.0.0"))
        .singleElement()
        .extracting(CIMInstance::getClassName)
        .isEqualTo("KVM_HostSystem");
    assertThat(central.get("CIM:DSP1057-VirtualSystem-1.0.0a"))
        .extracting(i -> (String) i.getPropertyValue("Name"))
        .containsAll(vms.names());
  }

  @Test
  void requestStateChangePausesAndResumesADomain() throws Exception {
    String name = vms.names().get(0);
    TestBed.Result pause =
        agent.wbemcli(CimClients.ALICE, "cm", csPath(name), "RequestStateChange.RequestedState=9");
    assertThat(pause.ok()).as(pause.stderr()).isTrue();
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("paused");
    Await.untilPasses(
        Duration.ofSeconds(15),
        () -> {
          String gi = agent.wbemcli(CimClients.BOB, "gi", csPath(name)).stdout();
          assertThat(gi).contains("EnabledState=9,").contains("RequestedState=9,");
        });
    TestBed.Result again =
        agent.wbemcli(CimClients.ALICE, "cm", csPath(name), "RequestStateChange.RequestedState=9");
    assertThat(again.ok()).isFalse();
    assertThat(again.stderr()).contains("CIM_ERR_FAILED");
    assertThat(again.stderr()).contains("domain '" + name + "' is paused: cannot suspend it");
    CIMArgument<?>[] in = {
      new CIMArgument<>("RequestedState", CIMDataType.UINT16_T, new UnsignedInteger16(2))
    };
    Object rc =
        alice.invokeMethod(
            new CIMObjectPath("/" + csPath(name)), "RequestStateChange", in, new CIMArgument<?>[1]);
    assertThat(rc).isEqualTo(new UnsignedInteger32(0));
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");
    TestBed.Result unsupported =
        agent.wbemcli(CimClients.ALICE, "cm", csPath(name), "RequestStateChange.RequestedState=7");
    assertThat(unsupported.stderr()).contains("CIM_ERR_NOT_SUPPORTED");
  }

  @Test
  void viewerMayNotChangeState() {
    String name = vms.names().get(1);
    TestBed.Result r =
        agent.wbemcli(CimClients.BOB, "cm", csPath(name), "RequestStateChange.RequestedState=9");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("CIM_ERR_ACCESS_DENIED");
    assertThat(TestBed.virsh("domstate", name).strip()).isEqualTo("running");
  }

  @Test
  void pullEnumerationReturnsTheSameSetInPieces() throws Exception {
    CIMObjectPath rasd = agent.path("root/virt", "CIM_ResourceAllocationSettingData");
    Set<Object> whole = new HashSet<>();
    all(alice.enumerateInstanceNames(rasd)).forEach(p -> whole.add(p.getKeyValue("InstanceID")));
    assertThat(whole.size()).isGreaterThan(6);
    EnumerateResponse<CIMInstance> r =
        alice.enumerateInstances(
            rasd,
            true,
            false,
            null,
            null,
            null,
            new UnsignedInteger32(30),
            false,
            new UnsignedInteger32(3));
    List<Object> pulled = new ArrayList<>();
    int pieces = 0;
    while (true) {
      List<CIMInstance> piece = all(r.getResponses());
      assertThat(piece.size()).isLessThanOrEqualTo(3);
      piece.forEach(i -> pulled.add(i.getObjectPath().getKeyValue("InstanceID")));
      pieces++;
      if (r.isEnd()) {
        break;
      }
      r = alice.getInstancesWithPath(rasd, r.getContext(), new UnsignedInteger32(3));
    }
    assertThat(pieces).isGreaterThan(2);
    assertThat(pulled).doesNotHaveDuplicates();
    assertThat(new HashSet<>(pulled)).isEqualTo(whole);
  }

  @Test
  void queryFiltersWithWql() throws Exception {
    List<CIMInstance> paused =
        all(
            alice.execQuery(
                agent.path("root/virt", null),
                "SELECT Name FROM KVM_ComputerSystem WHERE Name = '"
                    + vms.names().get(1)
                    + "' AND NOT EnabledState <> 2",
                "WQL"));
    assertThat(paused)
        .singleElement()
        .extracting(i -> i.getPropertyValue("Name"))
        .isEqualTo(vms.names().get(1));
    assertThat(paused.get(0).getProperties())
        .extracting(CIMProperty::getName)
        .containsExactly("Name");
  }

  @Test
  void errorsAreAnsweredInCimForm() throws Exception {
    assertError(
        () -> agent.wbemcli(CimClients.BOB, "ei", "root/nowhere:KVM_ComputerSystem"),
        "CIM_ERR_INVALID_NAMESPACE");
    assertError(
        () -> agent.wbemcli(CimClients.BOB, "ei", "root/virt:KVM_NoSuchClass"),
        "CIM_ERR_INVALID_CLASS");
    assertError(
        () -> agent.wbemcli(CimClients.BOB, "gi", csPath("virtmx-no-such-domain")),
        "CIM_ERR_NOT_FOUND");
    assertError(
        () -> agent.wbemcli(CimClients.BOB, "gi", "root/virt:KVM_ComputerSystem.Name=\"x\""),
        "CIM_ERR_INVALID_PARAMETER");
    WBEMException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () ->
                alice.getInstance(
                    new CIMObjectPath("/" + csPath("virtmx-no-such-domain")), false, false, null),
            WBEMException.class);
    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);

    String enumerate =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
            + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"EnumerateInstanceNames\">"
            + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"virt\"/></LOCALNAMESPACEPATH>"
            + "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"KVM_HostSystem\"/></IPARAMVALUE>"
            + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    assertThat(
            agent
                .post(
                    CimClients.BOB,
                    CimClients.PASSWORD,
                    "EnumerateInstanceNames",
                    "root/virt",
                    enumerate)
                .status())
        .isEqualTo(200);
    assertThat(
            agent
                .post(CimClients.BOB, "wrong", "EnumerateInstanceNames", "root/virt", enumerate)
                .status())
        .isEqualTo(401);
    assertThat(agent.post(null, null, "EnumerateInstanceNames", "root/virt", enumerate).status())
        .isEqualTo(401);
    assertThat(agent.wbemcli("", "ein", "root/virt:KVM_HostSystem").stderr())
        .contains("Username/password required");

    CimClients.Raw malformed =
        agent.post(
            CimClients.BOB,
            CimClients.PASSWORD,
            "EnumerateInstanceNames",
            "root/virt",
            enumerate.substring(0, enumerate.length() - 20));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.cimError()).isEqualTo("request-not-well-formed");
    CimClients.Raw mismatch =
        agent.post(CimClients.BOB, CimClients.PASSWORD, "GetClass", "root/virt", enumerate);
    assertThat(mismatch.cimError()).isEqualTo("header-mismatch");

    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
            + enumerate.substring(enumerate.indexOf("<CIM ")).replace("KVM_HostSystem", "&secret;");
    CimClients.Raw refused =
        agent.post(CimClients.BOB, CimClients.PASSWORD, "EnumerateInstanceNames", "root/virt", xxe);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).isEmpty();
  }

  private static void assertError(Supplier<TestBed.Result> run, String code) {
    TestBed.Result r = run.get();
    assertThat(r.ok()).as(r.stdout()).isFalse();
    assertThat(r.stderr()).contains(code);
  }
}
