/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.util.Collections;
import java.util.Map;

/**
 * One instance as a provider rendered it: its class, its path (keys from its properties) and its
 * property values by the class's spelling of the names (String, Boolean, Long, Double,
 * CimObjectPath or a List of those).
 */
public record CimInstance(String className, CimObjectPath path, Map<String, Object> values) {
  public CimInstance {
    values = Collections.unmodifiableMap(values);
  }

  public Object get(String property) {
    Object v = values.get(property);
    if (v == null) {
      for (Map.Entry<String, Object> e : values.entrySet()) {
        if (e.getKey().equalsIgnoreCase(property)) {
          return e.getValue();
        }
      }
    }
    return v;
  }
}
