/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.MetadataLabels;
import java.time.Duration;
import java.util.Objects;

/**
 * How the domain collector treats what lies beyond the statistics: how often it asks each running
 * guest's agent ({@code --guest-interval}), how long one guest may take to answer ({@code
 * --guest-timeout}), and which metadata elements become labels ({@code --label}).
 */
public record GuestSettings(Duration interval, Duration timeout, MetadataLabels labels) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final GuestSettings DEFAULT =
      new GuestSettings(DEFAULT_INTERVAL, DEFAULT_TIMEOUT, MetadataLabels.NOVA_ONLY);

  public GuestSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(labels, "labels");
  }
}
