/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** libvirt's {@code virDomainJobType}, in its numeric order (the code is the ordinal). */
public enum JobType {
  NONE,
  BOUNDED,
  UNBOUNDED,
  COMPLETED,
  FAILED,
  CANCELLED;

  public int code() {
    return ordinal();
  }

  /** The type of a libvirt code; a code this build does not know is {@link #UNBOUNDED}. */
  public static JobType ofCode(int code) {
    JobType[] all = values();
    return code >= 0 && code < all.length ? all[code] : UNBOUNDED;
  }
}
