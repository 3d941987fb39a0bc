/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.xml.SafeXmlReader;
import io.virtmx.view.cim.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded instance a method parameter carries ({@code EmbeddedInstance} string), read from
 * CIM-XML ({@code <INSTANCE CLASSNAME="KVM_VirtualSystemMigrationSettingData">…}) or from MOF
 * ({@code instance of KVM_… { MigrationType = 2; };}), as libvirt-cim accepts both: its class and
 * its property values as text (a string, or a list of strings for an array), names matched without
 * case. A malformed one is CIM_ERR_FAILED "Unable to parse embedded object", libvirt-cim's text.
 */
record EmbeddedSettings(String className, Map<String, Object> values) {
  static final String UNPARSABLE = "Unable to parse embedded object";
  private static final int MAX_TEXT = 64 * 1024;
  private static final Pattern MOF =
      Pattern.compile("(?s)\\s*instance\\s+of\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\{(.*)}\\s*;?\\s*");
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?s)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*}|[^;]*?)\\s*;");
  private static final Pattern ELEMENT = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\s][^,]*");

  /** The value of the property (any case), or null. */
  String text(String property) {
    Object v = values.get(property.toLowerCase(Locale.ROOT));
    return v instanceof String s ? s : null;
  }

  /** An unsigned number property, or {@code otherwise} when absent; INVALID_PARAMETER when bad. */
  long number(String property, long otherwise) {
    String s = text(property);
    if (s == null || s.isBlank()) {
      return otherwise;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new CimException(
          CimException.INVALID_PARAMETER, property + " must be a number, not '" + s + "'");
    }
  }

  /** Whether the class is {@code suffix} under any prefix, or the class itself. */
  boolean isA(String suffix) {
    return className.equalsIgnoreCase(suffix)
        || className.toLowerCase(Locale.ROOT).endsWith("_" + suffix.toLowerCase(Locale.ROOT));
  }

  /** The embedded instance in a parameter value, or null when the parameter is absent. */
  static EmbeddedSettings of(Object param) {
    if (param == null) {
      return null;
    }
    if (param instanceof XmlElement e && e.name().equals("INSTANCE")) {
      return fromXml(e);
    }
    if (!(param instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
      throw unparsable();
    }
    String t = text.strip();
    if (t.startsWith("<")) {
      XmlElement e;
      try {
        e = SafeXmlReader.parse(t.getBytes(StandardCharsets.UTF_8));
      } catch (CimException x) {
        throw unparsable();
      }
      if (!e.name().equals("INSTANCE")) {
        throw unparsable();
      }
      return fromXml(e);
    }
    return fromMof(t);
  }

  /** Each embedded instance of an array parameter (one value is an array of one). */
  static List<EmbeddedSettings> all(Object param) {
    List<EmbeddedSettings> out = new ArrayList<>();
    if (param instanceof List<?> list) {
      for (Object o : list) {
        out.add(of(o));
      }
    } else if (param != null) {
      out.add(of(param));
    }
    return out;
  }

  private static EmbeddedSettings fromXml(XmlElement instance) {
    String cls = instance.attr("CLASSNAME");
    if (cls == null || cls.isBlank()) {
      throw unparsable();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (XmlElement p : instance.children()) {
      String name = p.attr("NAME");
      if (name == null) {
        continue;
      }
      XmlElement array = p.child("VALUE.ARRAY");
      XmlElement value = p.child("VALUE");
      if (array != null) {
        values.put(
            name.toLowerCase(Locale.ROOT),
            array.children("VALUE").stream().map(XmlElement::text).toList());
      } else if (value != null) {
        values.put(name.toLowerCase(Locale.ROOT), value.text());
      }
    }
    return new EmbeddedSettings(cls, values);
  }

  private static EmbeddedSettings fromMof(String text) {
    Matcher m = MOF.matcher(text);
    if (!m.matches()) {
      throw unparsable();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Matcher a = ASSIGNMENT.matcher(m.group(2));
    int end = 0;
    while (a.find() && a.start() == end) {
      values.put(a.group(1).toLowerCase(Locale.ROOT), mofValue(a.group(2).strip()));
      end = a.end();
    }
    if (!m.group(2).substring(end).isBlank()) {
      throw unparsable();
    }
    return new EmbeddedSettings(m.group(1), values);
  }

  private static Object mofValue(String v) {
    if (v.startsWith("{")) {
      List<String> items = new ArrayList<>();
      Matcher e = ELEMENT.matcher(v.substring(1, v.length() - 1));
      while (e.find()) {
        items.add(scalar(e.group().strip()));
      }
      return items;
    }
    return scalar(v);
  }

  private static String scalar(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
    }
    return v;
  }

  private static CimException unparsable() {
    return new CimException(CimException.FAILED, UNPARSABLE);
  }
}
