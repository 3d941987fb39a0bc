/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimProperty;
import io.virtmx.view.cim.schema.CimType;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostModelTest {
  private static final ClassRepository REPO = ClassRepository.fromClasspath();

  /** Classes only methods take (pool and volume settings) or that exist while a job does. */
  private static final java.util.regex.Pattern INPUT_OR_JOB =
      java.util.regex.Pattern.compile(
          "_(MigrationJob|DiskPoolResourceAllocationSettingData|NetPoolResourceAllocationSettingData"
              + "|StorageVolumeResourceAllocationSettingData)$");

  private static HostModel model(String hypervisor) {
    return new HostModel(
        REPO, CimFixtures.twoDomains(hypervisor), name -> name.equals("web") ? 9 : 12);
  }

  /** The first instance of that class in the virt namespace. */
  private static CimInstance first(HostModel m, String className) {
    return m.instances(HostModel.VIRT, className).get(0);
  }

  private static List<String> values(List<CimInstance> list, String property) {
    return list.stream().map(i -> String.valueOf(i.get(property))).toList();
  }

  @Test
  void everyServedInstanceMatchesItsClass() {
    for (String hv : List.of("QEMU", "TEST", "LXC")) {
      HostModel m = model(hv);
      int count = 0;
      for (String ns : List.of(HostModel.VIRT, HostModel.INTEROP)) {
        for (CimClass cls : REPO.all()) {
          for (CimInstance inst : m.instances(ns, cls.name())) {
            checkAgainstClass(inst, cls);
            if (cls.isAssociation()) {
              inst.values().values().stream()
                  .filter(v -> v instanceof CimObjectPath)
                  .forEach(
                      ref ->
                          assertThat(m.get(ns, (CimObjectPath) ref))
                              .as(cls.name() + " endpoint " + ref)
                              .isNotNull());
            }
            assertThat(m.get(ns, inst.path())).isSameAs(inst);
            count++;
          }
        }
      }
      assertThat(count).as(hv).isGreaterThan(80);
      for (CimClass cls : REPO.all()) {
        if (cls.name().startsWith(m.prefix() + "_")
            && !cls.name().equals(m.prefix() + "_ResourceAllocationSettingData")
            && !REPO.isA(cls.name(), "CIM_Indication")
            && !INPUT_OR_JOB.matcher(cls.name()).find()) {
          assertThat(
                  m.instances(
                      cls.name().endsWith("RegisteredProfile") ? HostModel.INTEROP : HostModel.VIRT,
                      cls.name()))
              .as(cls.name() + " has instances")
              .isNotEmpty();
        }
      }
    }
  }

  private static void checkAgainstClass(CimInstance inst, CimClass cls) {
    assertThat(inst.className()).isEqualTo(cls.name());
    assertThat(cls.isAbstract()).as(cls.name() + " is abstract").isFalse();
    for (Map.Entry<String, Object> e : inst.values().entrySet()) {
      CimProperty p = cls.property(e.getKey());
      assertThat(p).as(cls.name() + "." + e.getKey()).isNotNull();
      assertThat(p.name()).isEqualTo(e.getKey());
      Object v = e.getValue();
      if (p.array()) {
        assertThat(v).as(p.name()).isInstanceOf(List.class);
        ((List<?>) v).forEach(x -> assertScalar(cls, p, x));
      } else {
        assertScalar(cls, p, v);
      }
    }
    List<String> pathKeys = new ArrayList<>();
    inst.path().keys().forEach(k -> pathKeys.add(k.name()));
    assertThat(pathKeys).as(cls.name() + " keys").containsExactlyElementsOf(cls.keys());
    inst.path().keys().forEach(k -> assertThat(k.value()).isEqualTo(inst.get(k.name())));
  }

  private static void assertScalar(CimClass cls, CimProperty p, Object v) {
    String what = cls.name() + "." + p.name() + " = " + v;
    if (p.type() == CimType.REFERENCE) {
      assertThat(v).as(what).isInstanceOf(CimObjectPath.class);
      assertThat(REPO.isA(((CimObjectPath) v).className(), p.refClass())).as(what).isTrue();
    } else if (p.type().integral()) {
      assertThat(v).as(what).isInstanceOf(Long.class);
      if (p.type().name().startsWith("U")) {
        assertThat((Long) v).as(what).isNotNegative();
      }
    } else if (p.type() == CimType.BOOLEAN) {
      assertThat(v).as(what).isInstanceOf(Boolean.class);
    } else {
      assertThat(v).as(what).isInstanceOf(String.class);
    }
  }

  @Test
  void domainsRenderAsLibvirtCimNamesThem() {
    HostModel m = model("QEMU");
    assertThat(m.prefix()).isEqualTo("KVM");
    List<CimInstance> cs = m.enumerate(HostModel.VIRT, "CIM_ComputerSystem");
    assertThat(values(cs, "Name")).containsExactly("hv1.example.org", "web", "db");
    CimInstance web = first(m, "KVM_ComputerSystem");
    assertThat(web.get("EnabledState")).isEqualTo(2L);
    assertThat(web.get("RequestedState")).isEqualTo(9L);
    assertThat(m.instances(HostModel.VIRT, "KVM_ComputerSystem").get(1).get("EnabledState"))
        .isEqualTo(3L);
    assertThat(values(m.instances(HostModel.VIRT, "KVM_VirtualSystemSettingData"), "InstanceID"))
        .containsExactly("KVM:web", "KVM:db");
    assertThat(
            values(m.enumerate(HostModel.VIRT, "CIM_ResourceAllocationSettingData"), "InstanceID"))
        .containsExactlyInAnyOrder(
            "web/proc",
            "web/mem",
            "web/vda",
            "web/52:54:00:00:00:01",
            "web/controller:usb:0",
            "web/controller:sata:0",
            "web/controller:pci:0",
            "web/charconsole:0",
            "web/tablet:usb",
            "web/mouse:ps2",
            "web/vnc",
            "db/proc",
            "db/mem",
            "db/sda",
            "db/hdc",
            "db/52:54:00:00:00:02");
    assertThat(values(m.instances(HostModel.VIRT, "KVM_Processor"), "DeviceID"))
        .containsExactly("web/0", "web/1", "db/0");
    assertThat(values(m.enumerate(HostModel.VIRT, "CIM_ResourcePool"), "InstanceID"))
        .containsExactly(
            "MemoryPool/0",
            "ProcessorPool/0",
            "DiskPool/0",
            "DiskPool/images",
            "NetworkPool/0",
            "NetworkPool/default",
            "GraphicsPool/0",
            "InputPool/0",
            "ControllerPool/0");
    assertThat(m.instances(HostModel.VIRT, "Libvirt_ComputerSystem")).isEmpty();
  }

  @Test
  void graphicsInputControllerAndConsoleFollowLibvirtCim() {
    HostModel m = model("QEMU");
    CimInstance vnc = first(m, "KVM_GraphicsResourceAllocationSettingData");
    assertThat(vnc.values())
        .containsEntry("InstanceID", "web/vnc")
        .containsEntry("ResourceType", 24L)
        .containsEntry("ResourceSubType", "vnc")
        .containsEntry("Address", "127.0.0.1:5900")
        .containsEntry("PoolID", "GraphicsPool/0");
    assertThat(m.instances(HostModel.VIRT, "KVM_InputResourceAllocationSettingData"))
        .extracting(i -> i.get("InstanceID"), i -> i.get("Caption"), i -> i.get("BusType"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("web/tablet:usb", "USB Tablet", "usb"),
            org.assertj.core.groups.Tuple.tuple("web/mouse:ps2", "PS2 Mouse", "ps2"));
    CimInstance usb = first(m, "KVM_ControllerResourceAllocationSettingData");
    assertThat(usb.values())
        .containsEntry("InstanceID", "web/controller:usb:0")
        .containsEntry("ResourceType", 1L)
        .containsEntry("OtherResourceType", "controller")
        .containsEntry("ResourceSubType", "usb")
        .containsEntry("Index", 0L)
        .containsEntry("Model", "qemu-xhci")
        .containsEntry("PoolID", "ControllerPool/0");
    CimInstance console = first(m, "KVM_ConsoleResourceAllocationSettingData");
    assertThat(console.values())
        .containsEntry("InstanceID", "web/charconsole:0")
        .containsEntry("SourceType", "pty")
        .containsEntry("TargetType", "serial")
        .containsEntry("OtherResourceType", "console")
        .doesNotContainKey("PoolID");

    CimInstance display = first(m, "KVM_DisplayController");
    assertThat(display.values())
        .containsEntry("DeviceID", "web/vnc")
        .containsEntry("SystemName", "web")
        .containsEntry("VideoProcessor", "vnc/127.0.0.1:5900")
        .containsEntry("Description", "Video: virtio");
    assertThat(values(m.instances(HostModel.VIRT, "KVM_PointingDevice"), "DeviceID"))
        .containsExactly("web/tablet:usb", "web/mouse:ps2");
    assertThat(first(m, "KVM_PointingDevice").get("PointingType")).isEqualTo(3L);

    assertThat(farEnds(m, display.path(), "KVM_SettingsDefineState", "SettingData"))
        .containsExactly(vnc.path());
    assertThat(farEnds(m, display.path(), "KVM_ElementAllocatedFromPool", "Antecedent"))
        .extracting(pool -> pool.key("InstanceID"))
        .containsExactly("GraphicsPool/0");
    assertThat(farEnds(m, usb.path(), "KVM_ResourceAllocationFromPool", "Antecedent"))
        .extracting(pool -> pool.key("InstanceID"))
        .containsExactly("ControllerPool/0");
    assertThat(farEnds(m, console.path(), "KVM_ResourceAllocationFromPool", "Antecedent"))
        .isEmpty();
    assertThat(
            farEnds(m, console.path(), "KVM_VirtualSystemSettingDataComponent", "GroupComponent"))
        .extracting(vssd -> vssd.key("InstanceID"))
        .containsExactly("KVM:web");
    CimInstance web = first(m, "KVM_ComputerSystem");
    assertThat(farEnds(m, web.path(), "KVM_SystemDevice", "PartComponent"))
        .extracting(CimObjectPath::className)
        .contains("KVM_DisplayController", "KVM_PointingDevice");
  }

  @Test
  void allocationCapabilitiesDefineTemplatesFromTheNodeFacts() {
    HostModel m = model("QEMU");
    Map<String, List<CimInstance>> byPool = new java.util.LinkedHashMap<>();
    for (CimInstance caps : m.instances(HostModel.VIRT, "KVM_AllocationCapabilities")) {
      List<CimInstance> sdc =
          m.associationsOf(HostModel.VIRT, caps.path()).stream()
              .filter(a -> a.className().equals("KVM_SettingsDefineCapabilities"))
              .toList();
      byPool.put((String) caps.get("InstanceID"), sdc);
      for (CimInstance a : sdc) {
        CimInstance template = m.get(HostModel.VIRT, (CimObjectPath) a.get("PartComponent"));
        checkAgainstClass(template, REPO.get(template.className()));
        assertThat(template.get("ResourceType")).isEqualTo(caps.get("ResourceType"));
        String id = (String) template.get("InstanceID");
        assertThat(List.of(a.get("ValueRole"), a.get("ValueRange")))
            .as(id)
            .isEqualTo(
                switch (id) {
                  case "Minimum" -> List.of(3L, 1L);
                  case "Maximum" -> List.of(3L, 2L);
                  case "Increment" -> List.of(3L, 3L);
                  default -> List.of(0L, 0L);
                });
      }
    }
    Map<String, Object> mem = quantities(m, byPool.get("MemoryPool/0"));
    assertThat(mem)
        .containsExactly(
            Map.entry("Minimum", 65536L),
            Map.entry("Maximum", 32L << 20),
            Map.entry("Increment", 1024L),
            Map.entry("Default", 262144L));
    assertThat(quantities(m, byPool.get("ProcessorPool/0")))
        .containsExactly(
            Map.entry("Minimum", 1L),
            Map.entry("Maximum", 8L),
            Map.entry("Increment", 1L),
            Map.entry("Default", 1L));
    assertThat(quantities(m, byPool.get("DiskPool/images")))
        .containsExactly(Map.entry("Default", 5000L));
    assertThat(quantities(m, byPool.get("NetworkPool/0")))
        .containsExactly(Map.entry("Default", 1L));
    assertThat(byPool.get("GraphicsPool/0")).isEmpty();
    assertThat(m.enumerate(HostModel.VIRT, "KVM_MemResourceAllocationSettingData"))
        .extracting(i -> i.get("InstanceID"))
        .doesNotContain("Minimum", "Default");
  }

  private static Map<String, Object> quantities(HostModel m, List<CimInstance> sdc) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (CimInstance a : sdc) {
      CimInstance t = m.get(HostModel.VIRT, (CimObjectPath) a.get("PartComponent"));
      out.put((String) t.get("InstanceID"), t.get("VirtualQuantity"));
    }
    return out;
  }

  private static List<CimObjectPath> farEnds(
      HostModel m, CimObjectPath from, String assoc, String role) {
    return m.associationsOf(HostModel.VIRT, from.withNamespace(HostModel.VIRT)).stream()
        .filter(a -> a.className().equals(assoc))
        .map(a -> ((CimObjectPath) a.get(role)).withNamespace(null))
        .toList();
  }

  @Test
  void associationsLinkSystemsSettingsDevicesAndPools() {
    HostModel m = model("TEST");
    CimInstance web = first(m, "Libvirt_ComputerSystem");
    List<CimInstance> around = m.associationsOf(HostModel.VIRT, web.path());
    assertThat(around)
        .extracting(CimInstance::className)
        .contains(
            "Libvirt_SystemDevice",
            "Libvirt_ElementSettingData",
            "Libvirt_ElementCapabilities",
            "Libvirt_HostedDependency",
            "Libvirt_ElementConformsToProfile");
    CimInstance vda = first(m, "Libvirt_DiskResourceAllocationSettingData");
    CimInstance fromPool =
        m.associationsOf(HostModel.VIRT, vda.path()).stream()
            .filter(a -> a.className().equals("Libvirt_ResourceAllocationFromPool"))
            .findFirst()
            .orElseThrow();
    assertThat(((CimObjectPath) fromPool.get("Antecedent")).key("InstanceID"))
        .isEqualTo("DiskPool/images");
    CimInstance dbNic =
        m.instances(HostModel.VIRT, "Libvirt_NetResourceAllocationSettingData").get(1);
    assertThat(dbNic.get("PoolID")).isEqualTo("NetworkPool/0");
  }

  @Test
  void interopProfilesConformToCentralInstancesInRootVirt() {
    HostModel m = model("QEMU");
    List<CimInstance> profiles = m.instances(HostModel.INTEROP, "KVM_RegisteredProfile");
    assertThat(profiles).hasSize(11);
    CimInstance vs =
        profiles.stream()
            .filter(p -> p.get("InstanceID").equals("CIM:DSP1057-VirtualSystem-1.0.0a"))
            .findFirst()
            .orElseThrow();
    List<Object> central =
        m.associationsOf(HostModel.INTEROP, vs.path()).stream()
            .map(a -> ((CimObjectPath) a.get("ManagedElement")).key("Name"))
            .toList();
    assertThat(central).containsExactly("web", "db");
    assertThat(m.enumerate(HostModel.INTEROP, "CIM_Namespace"))
        .extracting(i -> i.get("Name"))
        .containsExactly("root/interop", "root/virt");
  }
}
