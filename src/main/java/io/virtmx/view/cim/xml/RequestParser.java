/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.CimException;
import io.virtmx.view.cim.CimObjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the element tree of a CIM-XML message (DSP0201) into a {@link CimRequest}. */
public final class RequestParser {
  private RequestParser() {}

  public static CimRequest parse(byte[] body) {
    return parse(SafeXmlReader.parse(body));
  }

  static CimRequest parse(XmlElement cim) {
    if (!cim.name().equals("CIM")) {
      throw bad("the document element must be CIM, not " + cim.name());
    }
    XmlElement message = required(cim, "MESSAGE");
    if (message.child("MULTIREQ") != null) {
      throw new CimException(CimException.NOT_SUPPORTED, "multiple requests are not supported");
    }
    XmlElement simple = required(message, "SIMPLEREQ");
    String id = message.attr("ID") == null ? "" : message.attr("ID");
    XmlElement call = simple.child("IMETHODCALL");
    if (call != null) {
      return intrinsic(id, call);
    }
    call = simple.child("METHODCALL");
    if (call != null) {
      return extrinsic(id, call);
    }
    throw bad("SIMPLEREQ holds neither IMETHODCALL nor METHODCALL");
  }

  private static CimRequest intrinsic(String id, XmlElement call) {
    String ns = namespace(required(call, "LOCALNAMESPACEPATH"));
    Map<String, Object> params = new HashMap<>();
    for (XmlElement p : call.children("IPARAMVALUE")) {
      params.put(name(p).toLowerCase(Locale.ROOT), value(p));
    }
    return new CimRequest(id, name(call), true, ns, null, params);
  }

  private static CimRequest extrinsic(String id, XmlElement call) {
    XmlElement path = call.child("LOCALINSTANCEPATH");
    CimObjectPath target;
    if (path != null) {
      target =
          instanceName(required(path, "INSTANCENAME"))
              .withNamespace(namespace(required(path, "LOCALNAMESPACEPATH")));
    } else {
      XmlElement cls = call.child("LOCALCLASSPATH");
      if (cls == null) {
        throw bad("METHODCALL needs a LOCALINSTANCEPATH or LOCALCLASSPATH");
      }
      target =
          new CimObjectPath(
              namespace(required(cls, "LOCALNAMESPACEPATH")),
              name(required(cls, "CLASSNAME")),
              List.of());
    }
    Map<String, Object> params = new HashMap<>();
    for (XmlElement p : call.children("PARAMVALUE")) {
      params.put(name(p).toLowerCase(Locale.ROOT), value(p));
    }
    return new CimRequest(id, name(call), false, target.namespace(), target, params);
  }

  /** "root/virt" from NAMESPACE NAME="root", NAMESPACE NAME="virt". */
  static String namespace(XmlElement local) {
    List<String> parts = new ArrayList<>();
    for (XmlElement n : local.children("NAMESPACE")) {
      parts.add(name(n));
    }
    if (parts.isEmpty()) {
      throw bad("LOCALNAMESPACEPATH has no NAMESPACE");
    }
    return String.join("/", parts);
  }

  private static Object value(XmlElement param) {
    if (param.children().isEmpty()) {
      return param.text().isBlank() ? null : param.text();
    }
    XmlElement v = param.children().get(0);
    return switch (v.name()) {
      case "VALUE" -> v.text();
      case "VALUE.ARRAY" -> v.children("VALUE").stream().map(XmlElement::text).toList();
      case "CLASSNAME" -> new CimRequest.ClassName(name(v));
      case "INSTANCENAME" -> instanceName(v);
      case "VALUE.REFERENCE" -> reference(v);
      case "VALUE.REFARRAY" -> v.children("VALUE.REFERENCE").stream().map(RequestParser::reference).toList();
      default -> v;
    };
  }

  /** The path in a VALUE.REFERENCE: INSTANCEPATH, LOCALINSTANCEPATH or INSTANCENAME. */
  static CimObjectPath reference(XmlElement ref) {
    if (ref.children().isEmpty()) {
      throw bad("empty VALUE.REFERENCE");
    }
    XmlElement p = ref.children().get(0);
    return switch (p.name()) {
      case "INSTANCENAME" -> instanceName(p);
      case "LOCALINSTANCEPATH" ->
          instanceName(required(p, "INSTANCENAME"))
              .withNamespace(namespace(required(p, "LOCALNAMESPACEPATH")));
      case "INSTANCEPATH" ->
          instanceName(required(p, "INSTANCENAME"))
              .withNamespace(
                  namespace(required(required(p, "NAMESPACEPATH"), "LOCALNAMESPACEPATH")));
      default ->
          throw new CimException(
              CimException.NOT_SUPPORTED, p.name() + " references are not supported");
    };
  }

  static CimObjectPath instanceName(XmlElement in) {
    String cls = in.attr("CLASSNAME");
    if (cls == null || cls.isBlank()) {
      throw bad("INSTANCENAME without CLASSNAME");
    }
    List<CimObjectPath.Key> keys = new ArrayList<>();
    for (XmlElement kb : in.children("KEYBINDING")) {
      XmlElement v = kb.children().isEmpty() ? null : kb.children().get(0);
      if (v == null) {
        throw bad("KEYBINDING " + kb.attr("NAME") + " has no value");
      }
      Object value = v.name().equals("VALUE.REFERENCE") ? reference(v) : keyValue(v);
      keys.add(new CimObjectPath.Key(name(kb), value));
    }
    if (keys.isEmpty() && in.child("KEYVALUE") != null) {
      throw bad("INSTANCENAME " + cls + ": a key value needs a KEYBINDING with the key's name");
    }
    return new CimObjectPath(null, cls, keys);
  }

  private static Object keyValue(XmlElement kv) {
    String type = kv.attr("VALUETYPE");
    if ("boolean".equals(type)) {
      return Boolean.parseBoolean(kv.text().strip());
    }
    return kv.text();
  }

  private static String name(XmlElement e) {
    String n = e.attr("NAME");
    if (n == null || n.isBlank()) {
      throw bad(e.name() + " without NAME");
    }
    return n;
  }

  private static XmlElement required(XmlElement parent, String child) {
    XmlElement c = parent.child(child);
    if (c == null) {
      throw bad(parent.name() + " has no " + child);
    }
    return c;
  }

  private static CimException bad(String message) {
    return new CimException(CimException.INVALID_PARAMETER, "malformed request: " + message);
  }
}
