/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import static io.virtmx.view.cim.xml.ValueXml.scalar;
import static io.virtmx.view.cim.xml.ValueXml.text;

import io.virtmx.view.cim.CimObjectPath;

/**
 * How {@link CimXmlWriter} spells object paths: INSTANCENAME with its key bindings, INSTANCEPATH
 * with this server's host and a namespace, and VALUE.REFERENCE for a reference key or property.
 */
final class PathXml {
  private final StringBuilder b;
  private final String host;
  private final Runnable bounded;

  /** {@code bounded} runs at each path's start (the writer's size limit). */
  PathXml(StringBuilder b, String host, Runnable bounded) {
    this.b = b;
    this.host = host;
    this.bounded = bounded;
  }

  void instanceName(CimObjectPath p) {
    bounded.run();
    b.append("<INSTANCENAME CLASSNAME=\"").append(p.className()).append("\">");
    for (CimObjectPath.Key k : p.keys()) {
      b.append("<KEYBINDING NAME=\"").append(k.name()).append("\">");
      if (k.value() instanceof CimObjectPath ref) {
        reference(ref, p.namespace());
      } else {
        String type =
            k.value() instanceof Boolean
                ? "boolean"
                : k.value() instanceof Number ? "numeric" : "string";
        b.append("<KEYVALUE VALUETYPE=\"").append(type).append("\">");
        scalar(b, k.value()).append("</KEYVALUE>");
      }
      b.append("</KEYBINDING>");
    }
    b.append("</INSTANCENAME>");
  }

  /** INSTANCEPATH with this server's host and the path's namespace (or {@code defaultNs}). */
  void instancePath(CimObjectPath p, String defaultNs) {
    b.append("<INSTANCEPATH><NAMESPACEPATH><HOST>");
    text(b, host).append("</HOST>");
    localNamespace(p.namespace() != null ? p.namespace() : defaultNs);
    b.append("</NAMESPACEPATH>");
    instanceName(p);
    b.append("</INSTANCEPATH>");
  }

  /** VALUE.REFERENCE: an INSTANCEPATH when a namespace is known, else an INSTANCENAME. */
  void reference(CimObjectPath ref, String defaultNs) {
    b.append("<VALUE.REFERENCE>");
    if (ref.namespace() != null || defaultNs != null) {
      instancePath(ref, defaultNs);
    } else {
      instanceName(ref);
    }
    b.append("</VALUE.REFERENCE>");
  }

  private void localNamespace(String ns) {
    b.append("<LOCALNAMESPACEPATH>");
    for (String part : ns.split("/")) {
      b.append("<NAMESPACE NAME=\"");
      text(b, part).append("\"/>");
    }
    b.append("</LOCALNAMESPACEPATH>");
  }
}
