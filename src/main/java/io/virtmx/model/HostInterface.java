/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * A host network interface as libvirt's interface driver lists it: name, MAC, type (ethernet,
 * bridge, bond, vlan…), whether it is active, and its link state and speed in bytes per second
 * (-1 where not reported).
 */
public record HostInterface(
    String name,
    String mac,
    String type,
    boolean active,
    String linkState,
    long speedBytesPerSecond) {
  public HostInterface {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(linkState, "linkState");
  }
}
