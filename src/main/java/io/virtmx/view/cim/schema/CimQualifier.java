/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

/**
 * One qualifier on a class, property, method or parameter: {@code Key}, {@code Description("…")},
 * {@code ValueMap {"2", "3"}}. {@code value} is a String, Boolean, Long, Double or a List of those.
 */
public record CimQualifier(
    String name, CimType type, boolean array, Object value, boolean propagated) {
  public CimQualifier propagatedCopy() {
    return new CimQualifier(name, type, array, value, true);
  }
}
