/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static io.virtmx.model.DomainState.BLOCKED;
import static io.virtmx.model.DomainState.CRASHED;
import static io.virtmx.model.DomainState.PAUSED;
import static io.virtmx.model.DomainState.PMSUSPENDED;
import static io.virtmx.model.DomainState.RUNNING;
import static io.virtmx.model.DomainState.SHUTDOWN;
import static io.virtmx.model.DomainState.SHUTOFF;

import io.virtmx.model.DomainState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle policy: which state change is valid from which domain state, and the one text every
 * view shows when it is not, decided from the state libvirt reports at the time of the call:
 *
 * <pre>
 * domain 'web1' is shut off: cannot suspend it
 * </pre>
 *
 * A domain in no state ({@code NOSTATE}, a driver that does not say) is left to libvirt to judge.
 */
enum Lifecycle {
  START("start", "start it", SHUTOFF),
  SHUT_DOWN("shutdown", "shut it down", RUNNING, BLOCKED, PAUSED, SHUTDOWN),
  REBOOT("reboot", "reboot it", RUNNING, BLOCKED, PAUSED),
  /** Resetting a crashed guest (on_crash preserve) is the usual way out. */
  RESET("reset", "reset it", RUNNING, BLOCKED, PAUSED, CRASHED),
  DESTROY("destroy", "destroy it", RUNNING, BLOCKED, PAUSED, SHUTDOWN, CRASHED, PMSUSPENDED),
  SUSPEND("suspend", "suspend it", RUNNING, BLOCKED),
  /** QEMU resumes a guest that panicked and was kept (crashed) as well as a paused one. */
  RESUME("resume", "resume it", PAUSED, CRASHED),
  MANAGED_SAVE("managedSave", "save it", RUNNING, BLOCKED, PAUSED),
  SAVE("save", "save it to a file", RUNNING, BLOCKED, PAUSED),
  /** CIM's Enabled (RequestedState 2): starts a shut-off domain, resumes a paused one. */
  ENABLE("enable", "start or resume it", SHUTOFF, PAUSED);

  private final String operation;
  private final String action;
  private final Set<DomainState> from;

  Lifecycle(String operation, String action, DomainState first, DomainState... rest) {
    this.operation = operation;
    this.action = action;
    this.from = EnumSet.of(first, rest);
  }

  /** The operation's name, as the audit log and access refusals give it. */
  String operation() {
    return operation;
  }

  /** Whether this change is valid from {@code state}. */
  boolean allowedFrom(DomainState state) {
    return state == DomainState.NOSTATE || from.contains(state);
  }

  /** Throws the refusal ({@code INVALID_STATE}) unless this change is valid from {@code state}. */
  void check(String domain, DomainState state) {
    if (!allowedFrom(state)) {
      throw new OperationException(
          OperationException.Reason.INVALID_STATE,
          "domain '" + domain + "' is " + state.label() + ": cannot " + action);
    }
  }
}
