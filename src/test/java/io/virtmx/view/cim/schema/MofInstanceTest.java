/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MofInstanceTest {
  @Test
  void readsAnInstanceDeclarationAsPywbemWritesIt() {
    MofInstance m =
        MofInstance.parse(
            "instance of KVM_DiskResourceAllocationSettingData {\n"
                + "    InstanceID = \"vm1/vdb\";\n"
                + "    Address = \"/var/lib/a \" \"b.img\";\n"
                + "    EmulatedType = 0;\n"
                + "    readonly = FALSE;\n"
                + "    HostResource = {\"x\", \"y\"};\n"
                + "    Caption = NULL;\n"
                + "};\n");
    assertThat(m.className()).isEqualTo("KVM_DiskResourceAllocationSettingData");
    assertThat(m.values())
        .containsEntry("InstanceID", "vm1/vdb")
        .containsEntry("Address", "/var/lib/a b.img")
        .containsEntry("EmulatedType", "0")
        .containsEntry("readonly", "FALSE")
        .containsEntry("HostResource", List.of("x", "y"))
        .containsEntry("Caption", null);
  }

  @Test
  void refusesWhatIsNotOneInstance() {
    assertThatThrownBy(() -> MofInstance.parse("class Foo { };")).isInstanceOf(MofException.class);
    assertThatThrownBy(() -> MofInstance.parse("instance of Foo { A = 1; }; instance of Bar {};"))
        .isInstanceOf(MofException.class);
    assertThatThrownBy(() -> MofInstance.parse("instance of Foo { A = ; };"))
        .isInstanceOf(MofException.class);
    assertThatThrownBy(() -> MofInstance.parse("instance of Foo { A = \"x\";"))
        .isInstanceOf(MofException.class);
  }
}
