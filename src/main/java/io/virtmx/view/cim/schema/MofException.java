/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

/** A MOF file that does not parse or does not resolve, with "file:line: what" as message. */
public final class MofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MofException(String message) {
    super(message);
  }
}
