/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** libvirt's {@code virDomainState}, in its numeric order (the code is the ordinal). */
public enum DomainState {
  NOSTATE,
  RUNNING,
  BLOCKED,
  PAUSED,
  SHUTDOWN,
  SHUTOFF,
  CRASHED,
  PMSUSPENDED;

  public int code() {
    return ordinal();
  }

  public static DomainState ofCode(int code) {
    DomainState[] all = values();
    return code >= 0 && code < all.length ? all[code] : NOSTATE;
  }

  /** Lower-case name as virsh prints it ("running", "shut off", "paused"…). */
  public String label() {
    return switch (this) {
      case NOSTATE -> "no state";
      case SHUTOFF -> "shut off";
      case PMSUSPENDED -> "pmsuspended";
      default -> name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  public boolean isActive() {
    return this != SHUTOFF && this != NOSTATE;
  }
}
