/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.CimInstance;
import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimProperty;
import java.util.function.Function;

/**
 * The CIM-XML export request (DSP0200 EXPMETHODCALL) that delivers one indication to a listener:
 *
 * <pre>
 * &lt;CIM ...&gt;&lt;MESSAGE ID="7" PROTOCOLVERSION="1.0"&gt;&lt;SIMPLEEXPREQ&gt;
 * &lt;EXPMETHODCALL NAME="ExportIndication"&gt;&lt;EXPPARAMVALUE NAME="NewIndication"&gt;
 * &lt;INSTANCE CLASSNAME="KVM_ComputerSystemModifiedIndication"&gt;...
 * </pre>
 *
 * with embedded instances (SourceInstance, PreviousInstance) as escaped INSTANCE text in a string
 * property marked {@code EmbeddedObject="instance"}.
 */
public final class ExportXml {
  private ExportXml() {}

  public static String exportIndication(
      String messageId, CimInstance indication, Function<String, CimClass> classes, String host) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n")
        .append("<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">\n<MESSAGE ID=\"");
    ValueXml.text(b, messageId)
        .append("\" PROTOCOLVERSION=\"1.0\">\n<SIMPLEEXPREQ>\n")
        .append("<EXPMETHODCALL NAME=\"ExportIndication\">\n")
        .append("<EXPPARAMVALUE NAME=\"NewIndication\">\n");
    CimClass cls = classes.apply(indication.className());
    b.append("<INSTANCE CLASSNAME=\"").append(indication.className()).append("\">\n");
    for (CimProperty p : cls.properties()) {
      Object v = indication.values().get(p.name());
      b.append("<PROPERTY NAME=\"")
          .append(p.name())
          .append("\" TYPE=\"")
          .append(p.type().xmlName())
          .append('"');
      if (v instanceof CimInstance inner) {
        CimXmlWriter w = new CimXmlWriter(host, 2048);
        w.instance(inner, classes.apply(inner.className()), q -> true, false, false, null);
        b.append(" EmbeddedObject=\"instance\"><VALUE>");
        ValueXml.text(b, w.toString()).append("</VALUE>");
      } else {
        b.append('>');
        if (v != null) {
          ValueXml.value(b, v);
        }
      }
      b.append("</PROPERTY>\n");
    }
    b.append("</INSTANCE>\n</EXPPARAMVALUE>\n</EXPMETHODCALL>\n</SIMPLEEXPREQ>\n</MESSAGE>\n</CIM>\n");
    return b.toString();
  }
}
