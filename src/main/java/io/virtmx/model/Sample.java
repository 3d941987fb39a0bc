/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Instant;
import java.util.Objects;

/**
 * When a domain was read: wall-clock time for display, and a monotonic {@link System#nanoTime()}
 * reading used only to compute rates between two samples.
 */
public record Sample(Instant at, long monotonicNanos) {
  public Sample {
    Objects.requireNonNull(at, "at");
  }

  public static Sample now() {
    return new Sample(Instant.now(), System.nanoTime());
  }
}
