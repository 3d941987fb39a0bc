/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.List;

/**
 * A method parameter: {@code [IN] uint16 RequestedState} or {@code [OUT] CIM_ConcreteJob REF Job}.
 */
public record CimParameter(
    String name, CimType type, boolean array, String refClass, List<CimQualifier> qualifiers) {
  public CimParameter {
    qualifiers = List.copyOf(qualifiers);
  }
}
