/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.List;
import java.util.Optional;

/** Looks qualifiers up by name, case-insensitively as CIM names are compared. */
public final class Qualifiers {
  private Qualifiers() {}

  public static Optional<CimQualifier> find(List<CimQualifier> qualifiers, String name) {
    for (CimQualifier q : qualifiers) {
      if (q.name().equalsIgnoreCase(name)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  public static boolean flag(List<CimQualifier> qualifiers, String name) {
    return find(qualifiers, name).map(q -> Boolean.TRUE.equals(q.value())).orElse(false);
  }
}
