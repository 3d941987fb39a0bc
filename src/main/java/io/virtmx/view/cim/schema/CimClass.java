/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resolved CIM class: its own qualifiers and every property and method, inherited ones included
 * (marked propagated, with their class origin), in declaration order from the root class down.
 */
public final class CimClass {
  private final String name;
  private final String superclass;
  private final List<CimQualifier> qualifiers;
  private final Map<String, CimProperty> properties;
  private final Map<String, CimMethod> methods;
  private final List<String> keys;

  public CimClass(
      String name,
      String superclass,
      List<CimQualifier> qualifiers,
      Collection<CimProperty> properties,
      Collection<CimMethod> methods) {
    this.name = name;
    this.superclass = superclass;
    this.qualifiers = List.copyOf(qualifiers);
    this.properties = new LinkedHashMap<>();
    properties.forEach(p -> this.properties.put(p.name().toLowerCase(Locale.ROOT), p));
    this.methods = new LinkedHashMap<>();
    methods.forEach(m -> this.methods.put(m.name().toLowerCase(Locale.ROOT), m));
    List<String> k = new ArrayList<>();
    properties.stream().filter(CimProperty::isKey).forEach(p -> k.add(p.name()));
    this.keys = List.copyOf(k);
  }

  public String name() {
    return name;
  }

  /** The superclass name, or null for a root class. */
  public String superclass() {
    return superclass;
  }

  public List<CimQualifier> qualifiers() {
    return qualifiers;
  }

  public Collection<CimProperty> properties() {
    return properties.values();
  }

  public CimProperty property(String propertyName) {
    return properties.get(propertyName.toLowerCase(Locale.ROOT));
  }

  public Collection<CimMethod> methods() {
    return methods.values();
  }

  public CimMethod method(String methodName) {
    return methods.get(methodName.toLowerCase(Locale.ROOT));
  }

  /** Names of the key properties, in declaration order. */
  public List<String> keys() {
    return keys;
  }

  public boolean isAssociation() {
    return Qualifiers.flag(qualifiers, "Association");
  }

  public boolean isAbstract() {
    return Qualifiers.flag(qualifiers, "Abstract");
  }

  @Override
  public String toString() {
    return name;
  }
}
