/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.Locale;

/** The CIM data types, named as MOF and CIM-XML spell them ("uint16", "datetime", "reference"). */
public enum CimType {
  STRING,
  BOOLEAN,
  UINT8,
  SINT8,
  UINT16,
  SINT16,
  UINT32,
  SINT32,
  UINT64,
  SINT64,
  REAL32,
  REAL64,
  DATETIME,
  CHAR16,
  REFERENCE;

  public String xmlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of a MOF or CIM-XML type name, or null when it is not one. */
  public static CimType parse(String name) {
    for (CimType t : values()) {
      if (t.xmlName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  public boolean integral() {
    return this.compareTo(UINT8) >= 0 && this.compareTo(SINT64) <= 0;
  }

  public boolean numeric() {
    return integral() || this == REAL32 || this == REAL64;
  }
}
