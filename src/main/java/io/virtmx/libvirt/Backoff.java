/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.time.Duration;

/**
 * Capped exponential backoff for reconnecting: first, 2×, 4×… up to the cap, back to the first
 * after a success. Not thread-safe; each host connection's {@link ReconnectSchedule} owns one.
 */
public final class Backoff {
  private final Duration first;
  private final Duration cap;
  private Duration next;

  public Backoff(Duration first, Duration cap) {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < first <= cap");
    }
    this.first = first;
    this.cap = cap;
    this.next = first;
  }

  /** The delay before the next attempt; each call doubles the following one up to the cap. */
  public Duration nextDelay() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(cap) > 0 ? cap : doubled;
    return current;
  }

  public void reset() {
    next = first;
  }
}
