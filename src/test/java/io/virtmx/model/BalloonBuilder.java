/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** Builds {@link BalloonStats} in KiB as the guest reports them; -1 where not set. */
public final class BalloonBuilder extends SnapshotBuilder<BalloonBuilder> {
  private long[] size = unknown(2);
  private long[] guest = unknown(3);
  private long rss = Values.UNKNOWN;
  private long[] swap = unknown(2);
  private long[] faults = unknown(2);
  private long diskCaches = Values.UNKNOWN;
  private long lastUpdate = Values.UNKNOWN;

  BalloonBuilder() {}

  /** Current and maximum balloon size. */
  public BalloonBuilder sizeKib(long actualKib, long maximumKib) {
    return set(() -> size = new long[] {actualKib, maximumKib});
  }

  /** Unused, available and usable memory as the guest sees it. */
  public BalloonBuilder guestKib(long unusedKib, long availableKib, long usableKib) {
    return set(() -> guest = new long[] {unusedKib, availableKib, usableKib});
  }

  public BalloonBuilder rssKib(long value) {
    return set(() -> rss = value);
  }

  public BalloonBuilder swapKib(long in, long out) {
    return set(() -> swap = new long[] {in, out});
  }

  /** Major and minor page faults. */
  public BalloonBuilder faults(long major, long minor) {
    return set(() -> faults = new long[] {major, minor});
  }

  public BalloonBuilder diskCachesKib(long value) {
    return set(() -> diskCaches = value);
  }

  /** The guest's last stats update, seconds since the epoch. */
  public BalloonBuilder lastUpdate(long epochSeconds) {
    return set(() -> lastUpdate = epochSeconds);
  }

  public BalloonStats build() {
    return new BalloonStats(
        Values.kibToBytes(size[0]),
        Values.kibToBytes(size[1]),
        Values.kibToBytes(guest[0]),
        Values.kibToBytes(guest[1]),
        Values.kibToBytes(guest[2]),
        Values.kibToBytes(rss),
        Values.kibToBytes(swap[0]),
        Values.kibToBytes(swap[1]),
        faults[0],
        faults[1],
        Values.kibToBytes(diskCaches),
        lastUpdate);
  }
}
