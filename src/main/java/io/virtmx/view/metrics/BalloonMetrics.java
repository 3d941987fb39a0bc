/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.counter;
import static io.virtmx.view.metrics.Family.gauge;

import io.virtmx.model.BalloonStats;
import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.List;

/**
 * Memory balloon statistics of a running domain, in bytes: {@code
 * libvirt_domain_memory_stats_rss_bytes{…}}.
 */
final class BalloonMetrics implements SnapshotBinder {
  private static final String P = "libvirt_domain_memory_stats_";
  static final Family ACTUAL =
      gauge(P + "actual_balloon_bytes", "bytes", Descriptions.BALLOON_ACTUAL + ", in bytes.");
  static final Family MAXIMUM =
      gauge(P + "maximum_bytes", "bytes", Descriptions.BALLOON_MAXIMUM + ", in bytes.");
  static final Family UNUSED =
      gauge(P + "unused_bytes", "bytes", Descriptions.BALLOON_UNUSED + ", in bytes.");
  static final Family AVAILABLE =
      gauge(P + "available_bytes", "bytes", Descriptions.BALLOON_AVAILABLE + ", in bytes.");
  static final Family USABLE =
      gauge(P + "usable_bytes", "bytes", Descriptions.BALLOON_USABLE + ", in bytes.");
  static final Family RSS =
      gauge(P + "rss_bytes", "bytes", Descriptions.BALLOON_RSS + ", in bytes.");
  static final Family DISK_CACHES =
      gauge(P + "disk_caches_bytes", "bytes", Descriptions.BALLOON_DISK_CACHES + ", in bytes.");
  static final Family SWAP_IN =
      counter(P + "swap_in_bytes", "bytes", Descriptions.BALLOON_SWAP_IN + ", in bytes.");
  static final Family SWAP_OUT =
      counter(P + "swap_out_bytes", "bytes", Descriptions.BALLOON_SWAP_OUT + ", in bytes.");
  static final Family MAJOR =
      counter(P + "major_fault", null, Descriptions.BALLOON_MAJOR_FAULTS + ".");
  static final Family MINOR =
      counter(P + "minor_fault", null, Descriptions.BALLOON_MINOR_FAULTS + ".");
  static final Family LAST_UPDATE =
      gauge(
          P + "last_update_timestamp_seconds",
          "seconds",
          "When the guest last updated these statistics, in seconds since the epoch.");
  static final Family USED =
      gauge(P + "used_percent", "percent", Descriptions.BALLOON_USED_PERCENT + ".");

  @Override
  public List<Family> families() {
    return List.of(
        ACTUAL,
        MAXIMUM,
        UNUSED,
        AVAILABLE,
        USABLE,
        RSS,
        DISK_CACHES,
        SWAP_IN,
        SWAP_OUT,
        MAJOR,
        MINOR,
        LAST_UPDATE,
        USED);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      BalloonStats b = d.memory().balloon();
      if (!d.active() || b == null) {
        continue;
      }
      Labels l = out.domain(d);
      out.reported(ACTUAL, l, b.actualBytes(), 1);
      out.reported(MAXIMUM, l, b.maximumBytes(), 1);
      out.reported(UNUSED, l, b.unusedBytes(), 1);
      out.reported(AVAILABLE, l, b.availableBytes(), 1);
      out.reported(USABLE, l, b.usableBytes(), 1);
      out.reported(RSS, l, b.rssBytes(), 1);
      out.reported(DISK_CACHES, l, b.diskCachesBytes(), 1);
      out.reported(SWAP_IN, l, b.swapInBytes(), 1);
      out.reported(SWAP_OUT, l, b.swapOutBytes(), 1);
      out.reported(MAJOR, l, b.majorFaults(), 1);
      out.reported(MINOR, l, b.minorFaults(), 1);
      out.reported(LAST_UPDATE, l, b.lastUpdate(), 1);
      out.value(USED, l, b.usedPercent());
    }
  }
}
