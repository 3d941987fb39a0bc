/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceIdsTest {
  @Test
  void interfacesAreNamedByTargetElseMacElsePosition() {
    List<InterfaceStats> nics =
        InterfaceStats.identified(
            List.of(
                Snapshots.nic("vnet0").mac("52:54:00:00:00:01").measured(),
                Snapshots.nic("").mac("52:54:00:00:00:02").measured(),
                Snapshots.nic("").measured(),
                Snapshots.nic("vnet0").mac("52:54:00:00:00:04").measured(),
                Snapshots.nic("").measured()));

    assertThat(nics)
        .extracting(InterfaceStats::id)
        .containsExactly("vnet0", "52:54:00:00:00:02", "#2", "52:54:00:00:00:04", "#4");
  }

  @Test
  void disksAreNamedByTargetElseSourceAndNeverTwice() {
    List<DiskStats> disks =
        DiskStats.identified(
            List.of(
                Snapshots.disk("vda").source("/img/a").measured(),
                Snapshots.disk("").source("/img/b").measured(),
                Snapshots.disk("vda").measured(),
                Snapshots.disk("#3").measured(),
                Snapshots.disk("").measured()));

    assertThat(disks).extracting(DiskStats::id).containsExactly("vda", "/img/b", "#2", "#3", "#4");
  }

  @Test
  void aNameStillTakenGetsAPrime() {
    List<DiskStats> disks =
        DiskStats.identified(
            List.of(Snapshots.disk("#1").measured(), Snapshots.disk("").measured()));

    assertThat(disks).extracting(DiskStats::id).containsExactly("#1", "#1'");
  }
}
