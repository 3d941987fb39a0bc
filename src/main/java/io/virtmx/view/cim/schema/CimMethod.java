/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.List;

/** A method of a class: return type, parameters, qualifiers and the class that defined it last. */
public record CimMethod(
    String name,
    CimType returnType,
    List<CimParameter> parameters,
    List<CimQualifier> qualifiers,
    String classOrigin,
    boolean propagated) {
  public CimMethod {
    parameters = List.copyOf(parameters);
    qualifiers = List.copyOf(qualifiers);
  }

  public CimMethod inherited() {
    return new CimMethod(
        name,
        returnType,
        parameters,
        qualifiers.stream().map(CimQualifier::propagatedCopy).toList(),
        classOrigin,
        true);
  }
}
