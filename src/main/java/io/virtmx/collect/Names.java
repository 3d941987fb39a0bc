/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import java.util.ArrayList;
import java.util.List;

/** Joins libvirt's separate lists of active and inactive object names. */
final class Names {
  private Names() {}

  static List<String> concat(String[] active, String[] inactive) {
    List<String> all = new ArrayList<>(active.length + inactive.length);
    all.addAll(List.of(active));
    all.addAll(List.of(inactive));
    return all;
  }
}
