/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** libvirt's {@code virVcpuState}, in its numeric order (the code is the ordinal). */
public enum VcpuState {
  OFFLINE,
  RUNNING,
  BLOCKED;

  public int code() {
    return ordinal();
  }

  /** The state of a libvirt code; a code this build does not know is {@link #OFFLINE}. */
  public static VcpuState ofCode(int code) {
    VcpuState[] all = values();
    return code >= 0 && code < all.length ? all[code] : OFFLINE;
  }
}
