/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How one collector (node, domains, pools, networks, numa…) did in a host's latest collection: how long it
 * took, and whether it finished without an error (a collector that fails keeps the previous values,
 * one that counts an error for one object keeps the others).
 */
public record CollectorRun(String name, Duration duration, boolean success) {
  public CollectorRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration for collector " + name);
    }
  }
}
