/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RasdTest {
  private static Rasd mof(String cls, String body) {
    return Rasd.of(EmbeddedInstance.of("instance of KVM_" + cls + " { " + body + " };"));
  }

  @Test
  void readsEachKindAsLibvirtCimDoes() {
    assertThat(mof("MemResourceAllocationSettingData", "VirtualQuantity = 256; AllocationUnits = \"MegaBytes\";"))
        .isEqualTo(new Rasd.Memory(256 * 1024, 256 * 1024));
    assertThat(mof("MemResourceAllocationSettingData", "VirtualQuantity = 1048576; Limit = 2097152;"))
        .isEqualTo(new Rasd.Memory(1024, 2048));
    assertThat(mof("ProcResourceAllocationSettingData", "VirtualQuantity = 2;"))
        .isEqualTo(new Rasd.Processor(2));
    assertThat(mof("DiskResourceAllocationSettingData", "VirtualDevice = \"vdb\"; Address = \"/d/x.img\";"))
        .isEqualTo(new Rasd.Disk("/d/x.img", "vdb", "", "", false));
    assertThat(mof("NetResourceAllocationSettingData", "NetworkType = \"network\"; PoolID = \"NetworkPool/default\";"))
        .isEqualTo(new Rasd.Nic("network", "default", "", ""));
    assertThat(((Rasd.Other) mof("GraphicsResourceAllocationSettingData", "ResourceSubType = \"vnc\"; Address = \"127.0.0.1:5905\";")).xml())
        .isEqualTo("<graphics type='vnc' autoport='no' port='5905' listen='127.0.0.1'/>");
  }

  @Test
  void refusesWithLibvirtCimsTexts() {
    assertThatThrownBy(() -> mof("DiskResourceAllocationSettingData", "Address = \"/x\";"))
        .hasMessage("Missing `VirtualDevice' property");
    assertThatThrownBy(() -> mof("MemResourceAllocationSettingData", "AllocationUnits = \"KiloBytes\";"))
        .hasMessage("Missing `VirtualQuantity' field in Memory RASD");
    assertThatThrownBy(() -> mof("MemResourceAllocationSettingData", "VirtualQuantity = 1; AllocationUnits = \"Pages\";"))
        .hasMessage("Unknown AllocationUnits in Memory RASD");
    assertThatThrownBy(() -> mof("NetResourceAllocationSettingData", "NetworkType = \"user2\";"))
        .hasMessage("Invalid Network Type specified");
    assertThatThrownBy(() -> mof("FooResourceAllocationSettingData", "A = 1;"))
        .hasMessage("Unable to determine resource type");
  }

  private static String graphics(String address) {
    return ((Rasd.Other)
            mof(
                "GraphicsResourceAllocationSettingData",
                "ResourceSubType = \"vnc\"; Address = \"" + address + "\";"))
        .xml();
  }

  @Test
  void aDisplayMadeThroughCimHasNoPasswordSoItListensOnLoopbackOnly() {
    assertThat(graphics("[::1]:-1")).isEqualTo("<graphics type='vnc' autoport='yes' listen='::1'/>");
    assertThat(graphics("localhost:5901")).contains("listen='localhost'");
    for (String open : new String[] {"0.0.0.0:5900", "198.18.0.1:5900", "[::]:5900", "myhost:-1"}) {
      assertThatThrownBy(() -> graphics(open))
          .as(open)
          .isInstanceOf(Rasd.Refusal.class)
          .hasMessage(
              "Graphics address `"
                  + open
                  + "' is not allowed: listen on 127.0.0.1, [::1] or localhost");
    }
    assertThatThrownBy(() -> graphics("127.0.0.1:59o0"))
        .hasMessage("Invalid graphics address `127.0.0.1:59o0'");
  }

  @Test
  void embeddedInstancesAreCimXmlOrMofElseUnparsable() {
    EmbeddedInstance xml =
        EmbeddedInstance.of(
            "<INSTANCE CLASSNAME=\"KVM_VirtualSystemSettingData\">"
                + "<PROPERTY NAME=\"VirtualSystemIdentifier\" TYPE=\"string\"><VALUE>vm9</VALUE></PROPERTY>"
                + "</INSTANCE>");
    assertThat(xml.suffix()).isEqualTo("VirtualSystemSettingData");
    assertThat(xml.text("virtualsystemidentifier")).isEqualTo("vm9");
    for (String bad : new String[] {"instance of", "<INSTANCE>", "<INST", "hello"}) {
      assertThatThrownBy(() -> EmbeddedInstance.of(bad))
          .isInstanceOf(CimException.class)
          .hasMessage("Unable to parse embedded object")
          .extracting(e -> ((CimException) e).code())
          .isEqualTo(CimException.FAILED);
    }
  }
}
