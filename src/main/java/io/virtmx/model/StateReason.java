/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * A domain's state and the driver's reason for it: libvirt's state-specific reason code ({@code
 * virDomainRunningReason}, {@code virDomainPausedReason}…) with the name libvirt gives it.
 */
public record StateReason(DomainState state, int code) {
  public StateReason {
    Objects.requireNonNull(state, "state");
  }

  /** The state with libvirt's "unknown" reason (code 0). */
  public static StateReason of(DomainState state) {
    return new StateReason(state, 0);
  }

  /** libvirt's name of the reason, as {@code virsh domstate --reason} prints it. */
  public String label() {
    List<String> names = NAMES.get(state.ordinal());
    return code >= 0 && code < names.size() ? names.get(code) : "unknown";
  }

  // One list per virDomainState, in the order of that state's reason enumeration.
  private static final List<List<String>> NAMES =
      List.of(
          List.of("unknown"),
          List.of(
              "unknown",
              "booted",
              "migrated",
              "restored",
              "from snapshot",
              "unpaused",
              "migration canceled",
              "save canceled",
              "event wakeup",
              "crashed",
              "post-copy"),
          List.of("unknown"),
          List.of(
              "unknown",
              "user",
              "migrating",
              "saving",
              "dumping",
              "I/O error",
              "watchdog",
              "from snapshot",
              "shutting down",
              "creating snapshot",
              "crashed",
              "starting up",
              "post-copy",
              "post-copy failed",
              "api error"),
          List.of("unknown", "user"),
          List.of(
              "unknown",
              "shutdown",
              "destroyed",
              "crashed",
              "migrated",
              "saved",
              "failed",
              "from snapshot",
              "daemon"),
          List.of("unknown", "panicked"),
          List.of("unknown"));
}
