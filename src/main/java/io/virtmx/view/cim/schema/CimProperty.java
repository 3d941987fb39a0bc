/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.List;

/**
 * A property of a class as the MOF declares it: type (a reference has {@code refClass}), array or
 * not, default value, qualifiers, and the class that defined it last ({@code classOrigin}).
 */
public record CimProperty(
    String name,
    CimType type,
    boolean array,
    String refClass,
    Object defaultValue,
    List<CimQualifier> qualifiers,
    String classOrigin,
    boolean propagated) {

  public CimProperty {
    qualifiers = List.copyOf(qualifiers);
  }

  public boolean isKey() {
    return Qualifiers.flag(qualifiers, "Key");
  }

  public CimProperty inherited() {
    return new CimProperty(
        name,
        type,
        array,
        refClass,
        defaultValue,
        qualifiers.stream().map(CimQualifier::propagatedCopy).toList(),
        classOrigin,
        true);
  }
}
