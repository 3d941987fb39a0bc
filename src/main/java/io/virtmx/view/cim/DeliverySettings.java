/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The indication service's settings (DSP1054's CIM_IndicationService properties) and the agent's
 * limits on delivery: retries of a failed delivery, when the subscriptions of a listener that keeps
 * failing are removed (or disabled), the destinations a listener URL may name, where subscriptions
 * are kept, and the bounds that keep a slow listener from costing the agent anything.
 *
 * @param subscriptionsFile the file subscriptions survive a restart in, or null to keep them in
 *     memory only
 */
public record DeliverySettings(
    int retryAttempts,
    Duration retryInterval,
    RemovalAction removalAction,
    Duration removalInterval,
    List<String> allowedListeners,
    Path subscriptionsFile) {

  /** SubscriptionRemovalAction's values. */
  public enum RemovalAction {
    REMOVE(2),
    DISABLE(3),
    IGNORE(4);

    final int code;

    RemovalAction(int code) {
      this.code = code;
    }
  }

  /** Indications waiting for one destination; more are dropped and counted. */
  static final int QUEUE_PER_DESTINATION = 1000;

  /** Threads sending to every destination together. */
  static final int SENDER_THREADS = 2;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  static final int MAX_FILTERS = 100;
  static final int MAX_DESTINATIONS = 100;
  static final int MAX_SUBSCRIPTIONS = 100;

  /** libvirt-cim's (SFCB's) defaults: 3 retries 20 s apart, removal after 30 days of failure. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(
        3,
        Duration.ofSeconds(20),
        RemovalAction.REMOVE,
        Duration.ofDays(30),
        List.of("127.0.0.0/8", "::1/128"),
        null);
  }

  public DeliverySettings {
    if (retryAttempts < 0 || retryAttempts > 100) {
      throw new IllegalArgumentException(
          "delivery retry attempts must be 0-100, got " + retryAttempts);
    }
    if (retryInterval.isNegative() || removalInterval.isNegative()) {
      throw new IllegalArgumentException("delivery intervals must not be negative");
    }
    allowedListeners = List.copyOf(allowedListeners);
    allowedListeners.forEach(ListenerPolicy::parse);
  }
}
