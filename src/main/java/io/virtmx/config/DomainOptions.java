/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the domain collector gathers beyond statistics: the guest agent's insight every {@code
 * guestInterval} ({@code --guest-interval}, default 60 s), each guest answering within {@code
 * guestTimeout} ({@code --guest-timeout}, default 5 s), and the metadata labels an operator maps
 * ({@code --label NAME=XPATH}, prefixes from {@code --label-namespace PREFIX=URI}).
 */
public record DomainOptions(
    Duration guestInterval,
    Duration guestTimeout,
    Map<String, String> labels,
    Map<String, String> labelNamespaces) {
  public static final Duration DEFAULT_GUEST_INTERVAL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_GUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final DomainOptions DEFAULT =
      new DomainOptions(DEFAULT_GUEST_INTERVAL, DEFAULT_GUEST_TIMEOUT, Map.of(), Map.of());

  public DomainOptions {
    Objects.requireNonNull(guestInterval, "guestInterval");
    Objects.requireNonNull(guestTimeout, "guestTimeout");
    labels = Map.copyOf(new TreeMap<>(labels));
    labelNamespaces = Map.copyOf(labelNamespaces);
  }

  /** Throws {@link IllegalArgumentException} with a message fit for the user. */
  public DomainOptions validate() {
    if (guestInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("--guest-interval must be at least 1s");
    }
    if (guestTimeout.compareTo(Duration.ofMillis(100)) < 0
        || guestTimeout.compareTo(guestInterval) > 0) {
      throw new IllegalArgumentException(
          "--guest-timeout must be at least 100ms and at most --guest-interval");
    }
    return this;
  }
}
