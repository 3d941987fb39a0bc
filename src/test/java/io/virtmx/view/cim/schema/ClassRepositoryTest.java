/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassRepositoryTest {
  private static final ClassRepository REPO = ClassRepository.fromClasspath();

  @Test
  void loadsOurSchemaWithInheritanceAndKeys() {
    CimClass cs = REPO.get("kvm_computersystem");
    assertThat(cs.name()).isEqualTo("KVM_ComputerSystem");
    assertThat(cs.superclass()).isEqualTo("CIM_ComputerSystem");
    assertThat(cs.keys()).containsExactlyInAnyOrder("CreationClassName", "Name");
    assertThat(cs.property("EnabledState").classOrigin()).isEqualTo("CIM_EnabledLogicalElement");
    assertThat(cs.property("EnabledState").propagated()).isTrue();
    assertThat(cs.property("UUID").propagated()).isFalse();
    assertThat(REPO.get("KVM_Processor").keys())
        .containsExactly("SystemCreationClassName", "SystemName", "CreationClassName", "DeviceID");
    assertThat(REPO.get("Libvirt_VirtualSystemSettingData").keys()).containsExactly("InstanceID");
  }

  @Test
  void methodsCarryTypedParametersAndQualifiers() {
    CimMethod m = REPO.get("Xen_ComputerSystem").method("requeststatechange");
    assertThat(m.returnType()).isEqualTo(CimType.UINT32);
    assertThat(m.classOrigin()).isEqualTo("CIM_EnabledLogicalElement");
    assertThat(m.parameters())
        .extracting(CimParameter::name)
        .containsExactly("RequestedState", "Job", "TimeoutPeriod");
    CimParameter job = m.parameters().get(1);
    assertThat(job.type()).isEqualTo(CimType.REFERENCE);
    assertThat(job.refClass()).isEqualTo("CIM_ConcreteJob");
    assertThat(Qualifiers.find(job.qualifiers(), "In").orElseThrow().value()).isEqualTo(false);
    assertThat(
            Qualifiers.find(m.parameters().get(0).qualifiers(), "ValueMap").orElseThrow().value())
        .isEqualTo(List.of("2", "3", "4", "6", "7", "8", "9", "10", "11"));
  }

  @Test
  void overridingReferenceKeepsInheritedKeyQualifier() {
    CimClass sd = REPO.get("LXC_SystemDevice");
    assertThat(sd.isAssociation()).isTrue();
    CimProperty group = sd.property("GroupComponent");
    assertThat(group.isKey()).isTrue();
    assertThat(group.refClass()).isEqualTo("CIM_System");
    assertThat(group.classOrigin()).isEqualTo("CIM_SystemDevice");
  }

  @Test
  void subclassesAndIsA() {
    assertThat(REPO.subclasses("CIM_ResourceAllocationSettingData", true))
        .extracting(CimClass::name)
        .contains(
            "KVM_DiskResourceAllocationSettingData", "Libvirt_MemResourceAllocationSettingData");
    assertThat(REPO.subclasses("CIM_ManagedElement", false))
        .extracting(CimClass::name)
        .contains("CIM_ManagedSystemElement", "CIM_SettingData")
        .doesNotContain("CIM_LogicalElement");
    assertThat(REPO.subclasses(null, false))
        .extracting(CimClass::name)
        .containsExactlyInAnyOrder(
            "CIM_ManagedElement",
            "CIM_Dependency",
            "CIM_Component",
            "CIM_ElementSettingData",
            "CIM_SettingsDefineState",
            "CIM_ElementCapabilities",
            "CIM_ElementConformsToProfile",
            "CIM_Indication",
            "CIM_IndicationSubscription",
            "CIM_SAPAvailableForElement");
    assertThat(REPO.isA("KVM_LogicalDisk", "cim_logicaldevice")).isTrue();
    assertThat(REPO.isA("KVM_LogicalDisk", "CIM_Service")).isFalse();
  }

  @Test
  void parsesMofSyntax() {
    String mof =
        """
        Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride);
        Qualifier Description : string = null, Scope(any);
        Qualifier ValueMap : string[], Scope(property);
        /* block
           comment */
        [Description ("A " "joined" " \\"string\\"")]
        class X_Base {
          [Key] string Id;   // line comment
          uint8 Bytes[] = {1, 0x2, 3};
          real64 Ratio = 1.5;
          [ValueMap {"1", "2"}] uint16 Kind;
        };
        class X_Child : X_Base { boolean Flag = true; X_Base REF Other; };
        """;
    ClassRepository r = ClassRepository.parse(mof, "inline.mof");
    CimClass base = r.get("X_Base");
    assertThat(Qualifiers.find(base.qualifiers(), "description").orElseThrow().value())
        .isEqualTo("A joined \"string\"");
    assertThat(base.property("Bytes").array()).isTrue();
    assertThat(base.property("Bytes").defaultValue()).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(base.property("Ratio").defaultValue()).isEqualTo(1.5);
    CimClass child = r.get("X_Child");
    assertThat(child.keys()).containsExactly("Id");
    assertThat(child.property("Other").refClass()).isEqualTo("X_Base");
    assertThat(child.property("Flag").defaultValue()).isEqualTo(true);
  }

  @Test
  void rejectsBadMofWithFileAndLine() {
    assertThatThrownBy(() -> ClassRepository.parse("class A {\n  [Nope] string x;\n};", "bad.mof"))
        .isInstanceOf(MofException.class)
        .hasMessage("bad.mof:2: qualifier 'Nope' is not declared");
    assertThatThrownBy(() -> ClassRepository.parse("class A : B {};", "bad.mof"))
        .hasMessageContaining("superclass B is not declared");
    assertThatThrownBy(() -> ClassRepository.parse("class A { strin x; };", "bad.mof"))
        .hasMessage("bad.mof:1: unknown type 'strin'");
    assertThatThrownBy(() -> ClassRepository.parse("class A { string x = \"open; };", "bad.mof"))
        .hasMessageContaining("unterminated string");
  }

  @Test
  void generatedPerHypervisorFilesMatchTheTemplate() throws IOException {
    Path dir = Path.of("mibs-and-mof");
    String template = Files.readString(dir.resolve("virtmx-classes.mof.in"));
    for (String prefix : List.of("KVM", "LXC", "Xen", "Libvirt")) {
      String generated = Files.readString(dir.resolve("virtmx-" + prefix + ".mof"));
      String firstLine = generated.substring(0, generated.indexOf('\n'));
      String what =
          firstLine.substring(firstLine.indexOf('(') + 1, firstLine.indexOf("), compatible"));
      assertThat(generated)
          .as(prefix + " (run mibs-and-mof/generate.sh)")
          .isEqualTo(template.replace("@P@", prefix).replace("@WHAT@", what));
    }
  }
}
