/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.MofException;
import io.virtmx.view.cim.schema.MofInstance;
import io.virtmx.view.cim.xml.InstanceXml;
import io.virtmx.view.cim.xml.SafeXmlReader;
import io.virtmx.view.cim.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An instance a client embeds in a method parameter (a VSSD, a RASD), sent as CIM-XML ({@code
 * EmbeddedObject="instance"}: INSTANCE XML in a string VALUE, or an INSTANCE element) or as MOF text
 * ({@code instance of KVM_DiskResourceAllocationSettingData { … };}); property names match without
 * case. Anything else is libvirt-cim's CIM_ERR_FAILED "Unable to parse embedded object".
 */
record EmbeddedInstance(String className, Map<String, Object> values) {
  static final String UNPARSABLE = "Unable to parse embedded object";
  private static final int MAX_INSTANCES = 256;

  /** The instance of a single-valued parameter, or null when it is absent. */
  static EmbeddedInstance of(Object param) {
    if (param == null) {
      return null;
    }
    if (param instanceof XmlElement e && e.name().equals("INSTANCE")) {
      return fromXml(e);
    }
    if (!(param instanceof String text) || text.isBlank()) {
      throw unparsable();
    }
    try {
      if (text.strip().startsWith("<")) {
        return fromXml(SafeXmlReader.parse(text.strip().getBytes(StandardCharsets.UTF_8)));
      }
      MofInstance m = MofInstance.parse(text);
      return new EmbeddedInstance(m.className(), m.values());
    } catch (CimException | MofException e) {
      throw unparsable();
    }
  }

  /** The instances of an array parameter ({@code ResourceSettings[]}), none when it is absent. */
  static List<EmbeddedInstance> list(Object param) {
    if (param == null) {
      return List.of();
    }
    if (!(param instanceof List<?> items) || items.size() > MAX_INSTANCES) {
      return List.of(of(param));
    }
    List<EmbeddedInstance> out = new ArrayList<>();
    for (Object item : items) {
      out.add(of(item));
    }
    return out;
  }

  private static EmbeddedInstance fromXml(XmlElement e) {
    if (!e.name().equals("INSTANCE") || e.attr("CLASSNAME") == null) {
      throw unparsable();
    }
    return new EmbeddedInstance(InstanceXml.className(e), InstanceXml.properties(e));
  }

  static CimException unparsable() {
    return new CimException(CimException.FAILED, UNPARSABLE);
  }

  EmbeddedInstance {
    Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(values);
    values = byName;
  }

  /** The class name after the hypervisor prefix ({@code DiskResourceAllocationSettingData}). */
  String suffix() {
    int i = className.indexOf('_');
    return i < 0 ? className : className.substring(i + 1);
  }

  String prefix() {
    int i = className.indexOf('_');
    return i < 0 ? "" : className.substring(0, i);
  }

  /** A property's text, or null when absent, null or an array. */
  String text(String property) {
    return values.get(property) instanceof String s ? s : null;
  }

  /** A property's unsigned integer value, or null when absent or not a number. */
  Long number(String property) {
    String s = text(property);
    if (s == null) {
      return null;
    }
    try {
      long v = Long.decode(s.strip());
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A boolean property (TRUE/FALSE, any case), or null. */
  Boolean flag(String property) {
    String s = text(property);
    return s == null ? null : Boolean.valueOf(s.strip().toLowerCase(Locale.ROOT).equals("true"));
  }
}
