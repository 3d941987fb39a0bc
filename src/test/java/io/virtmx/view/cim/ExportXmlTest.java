/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.view.cim.schema.ClassRepository;
import io.virtmx.view.cim.xml.ExportXml;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportXmlTest {
  private static final ClassRepository REPO = ClassRepository.fromClasspath();

  private static CimInstance cs(long state) {
    return InstanceBuilder.of(REPO, "KVM_ComputerSystem")
        .set("CreationClassName", "KVM_ComputerSystem")
        .set("Name", "vm<1>")
        .set("EnabledState", state)
        .build();
  }

  @Test
  void anIndicationIsAnExportRequestWithEmbeddedInstances() {
    Indication ind =
        Indication.of(
            IndicationKind.COMPUTER_SYSTEM_MODIFIED,
            "KVM",
            List.of("root/virt", "root/virt/vm"),
            cs(9),
            cs(2),
            "host.example",
            Instant.parse("2026-12-01T04:05:06.123456Z"));
    String xml =
        ExportXml.exportIndication("7", ind.forListener("f1", "ctx", 4), REPO::get, "localhost");

    assertThat(xml)
        .contains("<MESSAGE ID=\"7\" PROTOCOLVERSION=\"1.0\">\n<SIMPLEEXPREQ>")
        .contains("<EXPMETHODCALL NAME=\"ExportIndication\">")
        .contains("<EXPPARAMVALUE NAME=\"NewIndication\">")
        .contains("<INSTANCE CLASSNAME=\"KVM_ComputerSystemModifiedIndication\">")
        .contains(
            "<PROPERTY NAME=\"IndicationTime\" TYPE=\"datetime\"><VALUE>20261201040506.123456+000</VALUE>")
        .contains("<PROPERTY NAME=\"SequenceNumber\" TYPE=\"sint64\"><VALUE>4</VALUE>")
        .contains("<PROPERTY NAME=\"SequenceContext\" TYPE=\"string\"><VALUE>ctx</VALUE>")
        .contains("<PROPERTY NAME=\"IndicationFilterName\" TYPE=\"string\"><VALUE>f1</VALUE>")
        .contains(
            "<PROPERTY NAME=\"SourceInstance\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>&lt;INSTANCE CLASSNAME=&quot;KVM_ComputerSystem&quot;&gt;")
        .contains("<PROPERTY NAME=\"PreviousInstance\" TYPE=\"string\" EmbeddedObject=\"instance\">")
        .contains("&lt;VALUE&gt;vm&amp;lt;1&amp;gt;&lt;/VALUE&gt;")
        .contains("root/virt:KVM_ComputerSystem.")
        .endsWith("</EXPMETHODCALL>\n</SIMPLEEXPREQ>\n</MESSAGE>\n</CIM>\n");
    assertThat(ind.instance().values()).doesNotContainKey("SequenceNumber");
    assertThat(Wql.valueOf(ind.instance(), "PreviousInstance.EnabledState")).isEqualTo(2L);
    assertThat(ind.kind().className("LXC")).isEqualTo("LXC_ComputerSystemModifiedIndication");
  }
}
