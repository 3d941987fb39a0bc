/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule by which a device is named within its domain, in every view: its preferred name (the
 * target device) when set and not yet taken, else its fallback (a disk's source, an interface's MAC
 * address), else {@code #<position>}; a name still taken gets a {@code '} appended.
 *
 * <p>Example: two interfaces without target device and without MAC become {@code #0} and {@code
 * #1}.
 */
final class DeviceIds {
  private DeviceIds() {}

  static List<String> of(List<String> preferred, List<String> fallback) {
    List<String> out = new ArrayList<>(preferred.size());
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < preferred.size(); i++) {
      String name = preferred.get(i);
      if (name.isEmpty() || taken.contains(name)) {
        name = fallback.get(i);
      }
      if (name.isEmpty() || taken.contains(name)) {
        name = "#" + i;
      }
      while (!taken.add(name)) {
        name = name + "'";
      }
      out.add(name);
    }
    return out;
  }
}
