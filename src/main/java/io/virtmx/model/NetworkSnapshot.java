/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * One libvirt virtual network. {@code forwardMode} is the {@code <forward mode>} (nat, route,
 * bridge, open…) or "isolated" when there is none; {@code dhcpLeases} counts current leases (0 when
 * inactive).
 */
public record NetworkSnapshot(
    String name,
    String uuid,
    boolean active,
    boolean persistent,
    boolean autostart,
    String bridge,
    String forwardMode,
    int dhcpLeases) {
  public NetworkSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(forwardMode, "forwardMode");
  }
}
