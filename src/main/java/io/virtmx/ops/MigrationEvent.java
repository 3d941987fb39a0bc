/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.time.Instant;
import java.util.Objects;

/**
 * A migration run through the operations service started, completed or failed: the source host
 * and domain, the destination URI (any password hidden) and, for a failure, libvirt's message.
 */
public record MigrationEvent(
    String host, String domain, String destination, Phase phase, String message, Instant at) {

  /** Where a migration is. */
  public enum Phase {
    STARTED,
    COMPLETED,
    FAILED;

    /** The lower-case word the views use: started, completed, failed. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public MigrationEvent {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }
}
