/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** The {@code <os><type arch machine>} of a domain definition, e.g. hvm / x86_64 / pc-q35-7.2. */
public record OsInfo(String type, String arch, String machine) {
  public static final OsInfo UNKNOWN = new OsInfo("", "", "");
}
