/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimProperty;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an instance of a class of the repository, checking every property name against the class
 * so that a provider cannot serve a property its class does not declare; the path is made from the
 * key properties.
 */
public final class InstanceBuilder {
  private final CimClass cls;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private InstanceBuilder(CimClass cls) {
    this.cls = cls;
  }

  public static InstanceBuilder of(ClassRepository repo, String className) {
    CimClass cls = repo.get(className);
    if (cls == null) {
      throw new IllegalArgumentException("no class " + className + " in the schema");
    }
    return new InstanceBuilder(cls);
  }

  public InstanceBuilder set(String name, Object value) {
    CimProperty p = cls.property(name);
    if (p == null) {
      throw new IllegalArgumentException(cls.name() + " has no property " + name);
    }
    if (value != null) {
      values.put(p.name(), value);
    }
    return this;
  }

  public CimInstance build() {
    List<CimObjectPath.Key> keys = new ArrayList<>(cls.keys().size());
    for (String k : cls.keys()) {
      Object v = values.get(k);
      if (v == null) {
        throw new IllegalStateException(cls.name() + ": key " + k + " has no value");
      }
      keys.add(new CimObjectPath.Key(k, v));
    }
    return new CimInstance(cls.name(), new CimObjectPath(null, cls.name(), keys), values);
  }
}
