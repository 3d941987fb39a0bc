/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.time.Duration;

/** Puts the test bed's first guest back where the bed keeps it after a migration test. */
public final class GuestHome {
  private GuestHome() {}

  /**
   * A migration of guest 1 still running is aborted, one that finished (the guest is on hv2) is
   * undone by migrating it back within {@code migration}.
   */
  public static void bringBackGuest1(TestBedEnv bed, Duration migration) {
    if (TestBedEnv.defined(bed.hostUri(), bed.guest1())) {
      try {
        TestBedEnv.virsh(bed.hostUri(), "domjobabort", bed.guest1());
      } catch (RuntimeException noJob) {
        // nothing running: the usual case
      }
      Await.until(
          "no migration of the guest under way",
          () -> TestBedEnv.virsh(bed.hostUri(), "domjobinfo", bed.guest1()),
          info -> info.contains("None"),
          Duration.ofSeconds(60));
    }
    if (TestBedEnv.defined(bed.hv2ControlUri(), bed.guest1())
        && !TestBedEnv.defined(bed.hostUri(), bed.guest1())) {
      TestBedEnv.virsh(
          migration,
          bed.hv2ControlUri(),
          "migrate",
          "--live",
          "--p2p",
          "--persistent",
          "--undefinesource",
          "--copy-storage-all",
          bed.guest1(),
          bed.value("HOST_FROM_HV2_URI"),
          "--migrateuri",
          "tcp://" + bed.value("HOST_IP"),
          "--listen-address",
          bed.value("HOST_IP"));
    }
  }
}
