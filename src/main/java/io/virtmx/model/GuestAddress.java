/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/** One IP address of a guest interface: "ipv4" or "ipv6", the address and its prefix length. */
public record GuestAddress(String type, String address, int prefix) {
  public GuestAddress {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
  }
}
