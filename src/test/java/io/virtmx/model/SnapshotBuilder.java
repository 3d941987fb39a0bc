/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Arrays;

/**
 * What the test builders of {@link Snapshots} share: a setter is one assignment to the builder's
 * fields that returns the builder ({@code return set(() -> source = value);}), and counters not set
 * are {@link Values#UNKNOWN}.
 */
abstract class SnapshotBuilder<B extends SnapshotBuilder<B>> {
  /** Runs the assignment and returns this builder. */
  @SuppressWarnings("unchecked")
  final B set(Runnable assignment) {
    assignment.run();
    return (B) this;
  }

  /** A group of {@code count} counters, none reported yet. */
  static long[] unknown(int count) {
    long[] values = new long[count];
    Arrays.fill(values, Values.UNKNOWN);
    return values;
  }
}
