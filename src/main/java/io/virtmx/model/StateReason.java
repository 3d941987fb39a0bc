/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * A domain's state and the driver's reason for it: libvirt's state-specific reason code ({@code
 * virDomainRunningReason}, {@code virDomainPausedReason}…).
 */
public record StateReason(DomainState state, int code) {
  public StateReason {
    Objects.requireNonNull(state, "state");
  }
}
