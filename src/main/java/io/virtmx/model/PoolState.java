/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Locale;

/** libvirt's {@code virStoragePoolState}, in its numeric order (the code is the ordinal). */
public enum PoolState {
  INACTIVE,
  BUILDING,
  RUNNING,
  DEGRADED,
  INACCESSIBLE;

  public int code() {
    return ordinal();
  }

  /** The state of a libvirt code; a code this build does not know is {@link #INACCESSIBLE}. */
  public static PoolState ofCode(int code) {
    PoolState[] all = values();
    return code >= 0 && code < all.length ? all[code] : INACCESSIBLE;
  }

  /** Lower-case name as virsh prints it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the pool's volumes can be used (running, or degraded but usable). */
  public boolean usable() {
    return this == RUNNING || this == DEGRADED;
  }
}
