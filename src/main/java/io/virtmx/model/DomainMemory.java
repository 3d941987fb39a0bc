/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * A domain's memory in bytes: what it has now (the balloon's size while it runs) and may have at
 * most, and the balloon driver's statistics ({@link BalloonStats#UNKNOWN} while stopped).
 */
public record DomainMemory(long currentBytes, long maximumBytes, BalloonStats balloon) {
  public DomainMemory {
    Objects.requireNonNull(balloon, "balloon");
  }
}
