/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * One guest network interface with its addresses ({@code virDomainInterfaceAddresses}): the name
 * the guest (agent) or host (lease, ARP) gives it, its MAC, and where the addresses came from:
 * "agent", "lease" or "arp".
 */
public record GuestInterface(
    String name, String mac, List<GuestAddress> addresses, String source) {

  public GuestInterface {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(source, "source");
    addresses = List.copyOf(addresses);
  }
}
