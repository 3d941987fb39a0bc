/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.view.cim.CimException;
import io.virtmx.view.cim.CimInstance;
import io.virtmx.view.cim.CimObjectPath;
import io.virtmx.view.cim.InstanceBuilder;
import io.virtmx.view.cim.schema.ClassRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CimXmlTest {
  private static CimRequest parse(String xml) {
    return RequestParser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesIntrinsicCallWithClassNameFlagsAndPropertyList() {
    CimRequest r =
        parse(
            """
        <?xml version="1.0" encoding="utf-8" ?>
        <CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1001" PROTOCOLVERSION="1.0"><SIMPLEREQ>
        <IMETHODCALL NAME="EnumerateInstances"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="virt"/>
        </LOCALNAMESPACEPATH>
        <IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="KVM_ComputerSystem"/></IPARAMVALUE>
        <IPARAMVALUE NAME="DeepInheritance"><VALUE>FALSE</VALUE></IPARAMVALUE>
        <IPARAMVALUE NAME="PropertyList"><VALUE.ARRAY><VALUE>Name</VALUE><VALUE>EnabledState</VALUE></VALUE.ARRAY></IPARAMVALUE>
        </IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>""");
    assertThat(r.intrinsic()).isTrue();
    assertThat(r.messageId()).isEqualTo("1001");
    assertThat(r.method()).isEqualTo("EnumerateInstances");
    assertThat(r.namespace()).isEqualTo("root/virt");
    assertThat(r.className("classname")).isEqualTo("KVM_ComputerSystem");
    assertThat(r.flag("DeepInheritance", true)).isFalse();
    assertThat(r.flag("LocalOnly", false)).isFalse();
    assertThat(r.propertyList()).containsExactly("Name", "EnabledState");
  }

  @Test
  void parsesExtrinsicCallOnInstanceWithReferenceKey() {
    CimRequest r =
        parse(
            """
        <CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="7" PROTOCOLVERSION="1.0"><SIMPLEREQ>
        <METHODCALL NAME="RequestStateChange"><LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/>
        <NAMESPACE NAME="virt"/></LOCALNAMESPACEPATH><INSTANCENAME CLASSNAME="KVM_ComputerSystem">
        <KEYBINDING NAME="CreationClassName"><KEYVALUE VALUETYPE="string">KVM_ComputerSystem</KEYVALUE></KEYBINDING>
        <KEYBINDING NAME="Name"><KEYVALUE>vm &amp; 1</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>
        <PARAMVALUE NAME="RequestedState" PARAMTYPE="uint16"><VALUE>9</VALUE></PARAMVALUE>
        </METHODCALL></SIMPLEREQ></MESSAGE></CIM>""");
    assertThat(r.intrinsic()).isFalse();
    assertThat(r.target())
        .isEqualTo(
            new CimObjectPath(
                null,
                "kvm_computersystem",
                List.of(
                    new CimObjectPath.Key("name", "vm & 1"),
                    new CimObjectPath.Key("creationclassname", "KVM_ComputerSystem"))));
    assertThat(r.target().namespace()).isEqualTo("root/virt");
    assertThat(r.number("requestedstate", 0)).isEqualTo(9);
  }

  @Test
  void refusesExternalEntitiesDoctypesAndDeepOrBrokenDocuments() {
    String xxe =
        """
        <?xml version="1.0"?><!DOCTYPE CIM [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <CIM><MESSAGE ID="&x;"><SIMPLEREQ/></MESSAGE></CIM>""";
    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(CimException.class)
        .hasMessageContaining("DOCTYPE")
        .extracting(e -> ((CimException) e).code())
        .isEqualTo(CimException.INVALID_PARAMETER);
    assertThatThrownBy(() -> parse("<CIM><MESSAGE ID=\"&x;\"/></CIM>"))
        .isInstanceOf(CimException.class);
    assertThatThrownBy(() -> parse("<CIM>" + "<a>".repeat(40) + "</a>".repeat(40) + "</CIM>"))
        .hasMessageContaining("too deeply nested");
    assertThatThrownBy(() -> parse("<CIM><MESSAGE>")).hasMessageStartingWith("malformed XML");
    assertThatThrownBy(() -> parse("<CIM><MESSAGE ID=\"1\"><SIMPLEREQ/></MESSAGE></CIM>"))
        .hasMessageContaining("neither IMETHODCALL nor METHODCALL");
  }

  @Test
  void writesInstanceAndErrorAsGolden() {
    ClassRepository repo = ClassRepository.fromClasspath();
    CimInstance inst =
        InstanceBuilder.of(repo, "Libvirt_ProcessorPool")
            .set("InstanceID", "ProcessorPool/0")
            .set("Primordial", true)
            .set("Capacity", 4L)
            .set("ElementName", "a<b")
            .build();
    CimXmlWriter w = new CimXmlWriter("h1", 256);
    w.begin("5", "GetInstance", true);
    w.returnValueOpen();
    w.instance(
        inst,
        repo.get(inst.className()),
        p ->
            List.of("InstanceID", "Primordial", "Capacity", "ElementName", "OperationalStatus")
                .contains(p.name()),
        false,
        false,
        "root/virt");
    w.returnValueClose();
    w.end(true);
    assertThat(w.toString())
        .isEqualTo(
            """
        <?xml version="1.0" encoding="utf-8" ?>
        <CIM CIMVERSION="2.0" DTDVERSION="2.0">
        <MESSAGE ID="5" PROTOCOLVERSION="1.0">
        <SIMPLERSP>
        <IMETHODRESPONSE NAME="GetInstance">
        <IRETURNVALUE>
        <INSTANCE CLASSNAME="Libvirt_ProcessorPool">
        <PROPERTY NAME="ElementName" TYPE="string" PROPAGATED="true"><VALUE>a&lt;b</VALUE></PROPERTY>
        <PROPERTY.ARRAY NAME="OperationalStatus" TYPE="uint16" PROPAGATED="true"></PROPERTY.ARRAY>
        <PROPERTY NAME="InstanceID" TYPE="string" PROPAGATED="true"><VALUE>ProcessorPool/0</VALUE></PROPERTY>
        <PROPERTY NAME="Primordial" TYPE="boolean" PROPAGATED="true"><VALUE>TRUE</VALUE></PROPERTY>
        <PROPERTY NAME="Capacity" TYPE="uint64" PROPAGATED="true"><VALUE>4</VALUE></PROPERTY>
        </INSTANCE>
        </IRETURNVALUE>
        </IMETHODRESPONSE>
        </SIMPLERSP>
        </MESSAGE>
        </CIM>
        """);
    CimXmlWriter e = new CimXmlWriter("h1", 64);
    e.error(new CimException(CimException.NOT_FOUND, "no \"x\""));
    assertThat(e.toString())
        .isEqualTo("<ERROR CODE=\"6\" DESCRIPTION=\"CIM_ERR_NOT_FOUND: no &quot;x&quot;\"/>\n");
  }

  @Test
  void writesReferenceKeysAsInstancePathsThatParseBack() {
    CimObjectPath cs =
        new CimObjectPath(
            "root/virt",
            "KVM_ComputerSystem",
            List.of(
                new CimObjectPath.Key("CreationClassName", "KVM_ComputerSystem"),
                new CimObjectPath.Key("Name", "vm1")));
    CimObjectPath assoc =
        new CimObjectPath(
            null, "KVM_SystemDevice", List.of(new CimObjectPath.Key("GroupComponent", cs)));
    CimXmlWriter w = new CimXmlWriter("h1", 64);
    w.instanceName(assoc);
    String xml =
        "<CIM><MESSAGE ID=\"1\"><SIMPLEREQ><IMETHODCALL NAME=\"GetInstance\"><LOCALNAMESPACEPATH>"
            + "<NAMESPACE NAME=\"root\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"InstanceName\">"
            + w
            + "</IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    CimObjectPath back = (CimObjectPath) parse(xml).param("InstanceName");
    assertThat(back).isEqualTo(assoc);
    assertThat(((CimObjectPath) back.key("groupcomponent")).namespace()).isEqualTo("root/virt");
  }

  @Test
  void aLargeAnswerIsHeldAsUtf8PartsThatMakeTheSameTextAndTheLimitCountsThemAll() {
    CimXmlWriter w = new CimXmlWriter("h1", 8192);
    w.begin("7", "EnumerateInstanceNames", true);
    w.returnValueOpen();
    for (int i = 0; i < 2000; i++) {
      w.instanceName(
          new CimObjectPath(
              "root/virt",
              "KVM_ComputerSystem",
              List.of(
                  new CimObjectPath.Key("CreationClassName", "KVM_ComputerSystem"),
                  new CimObjectPath.Key("Name", "vm-\u00e9\u6f22\ud83d\ude00-" + i))));
    }
    w.returnValueClose();
    w.end(true);
    List<byte[]> parts = w.utf8();
    assertThat(parts).hasSizeGreaterThan(5);
    // every part but the last is one element past the threshold at most, and each is whole UTF-8
    for (byte[] part : parts.subList(0, parts.size() - 1)) {
      assertThat(part.length).isBetween(CimXmlWriter.PART_CHARS, 2 * CimXmlWriter.PART_CHARS);
    }
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    parts.forEach(all::writeBytes);
    String text = all.toString(StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(w.toString()).contains("vm-\u00e9\u6f22\ud83d\ude00-1999").endsWith("</CIM>\n");
  }

  @Test
  void theSizeLimitCountsThePartsAlreadyMovedOut() {
    CimXmlWriter w = new CimXmlWriter("h1", 8192);
    CimObjectPath p =
        new CimObjectPath(
            "root/virt", "KVM_ComputerSystem", List.of(new CimObjectPath.Key("Name", "vm")));
    assertThatThrownBy(
            () -> {
              while (true) {
                w.instanceName(p);
              }
            })
        .isInstanceOf(CimException.class)
        .hasMessageContaining("larger than 16 MiB");
    long chars = w.utf8().stream().mapToLong(b -> b.length).sum();
    assertThat(chars).isGreaterThan(CimXmlWriter.MAX_CHARS).isLessThan(CimXmlWriter.MAX_CHARS + 1024);
  }
}
