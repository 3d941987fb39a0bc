/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimProperty;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which properties of an instance or class a response carries: PropertyList (null = all), LocalOnly
 * (only those the requested class itself defines) and DeepInheritance false (only those the
 * requested class knows).
 */
final class Selection {
  private Selection() {}

  static Predicate<CimProperty> of(
      List<String> propertyList, boolean localOnly, boolean deep, CimClass requested) {
    Set<String> names =
        propertyList == null
            ? null
            : propertyList.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    return p -> {
      if (names != null && !names.contains(p.name().toLowerCase(Locale.ROOT))) {
        return false;
      }
      if (requested == null) {
        return true;
      }
      CimProperty own = requested.property(p.name());
      if (!deep && own == null) {
        return false;
      }
      return !localOnly || own != null && !own.propagated();
    };
  }
}
