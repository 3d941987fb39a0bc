/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** Builds a {@link NetworkSnapshot}: active, persistent, autostarted NAT, no bridge or leases. */
public final class NetworkBuilder extends NamedBuilder<NetworkBuilder> {
  private String bridge = "";
  private int leases;

  NetworkBuilder(String name) {
    super(name);
  }

  public NetworkBuilder bridge(String value) {
    return set(() -> bridge = value);
  }

  public NetworkBuilder dhcpLeases(int value) {
    return set(() -> leases = value);
  }

  public NetworkSnapshot build() {
    return new NetworkSnapshot(name, uuid, true, true, true, bridge, "nat", leases);
  }
}
