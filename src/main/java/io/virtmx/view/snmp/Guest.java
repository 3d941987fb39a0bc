/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** A domain and the host it is on, as the SNMP tables list it (one row per UUID). */
record Guest(String host, DomainSnapshot domain) {

  /** Every domain of every watched host, the first host's row kept when a UUID repeats. */
  static List<Guest> all(List<HostSnapshot> hosts) {
    List<Guest> guests = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (HostSnapshot h : hosts) {
      for (DomainSnapshot d : h.domains()) {
        if (uuidBytes(d.uuid()).length == 16 && seen.add(d.uuid())) {
          guests.add(new Guest(h.host(), d));
        }
      }
    }
    return guests;
  }

  /** The 16 octets of a UUID written as libvirt does; empty when it is not one. */
  static byte[] uuidBytes(String uuid) {
    String hex = uuid.replace("-", "");
    if (hex.length() != 32) {
      return new byte[0];
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  byte[] uuid() {
    return uuidBytes(domain.uuid());
  }
}
