/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Measured.counter;
import static io.virtmx.view.metrics.Measured.gauge;
import static io.virtmx.view.metrics.Measured.gaugeOf;

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
  static final List<Measured<BalloonStats>> SERIES =
      List.of(
          gauge(P + "actual_balloon_bytes", "bytes", Descriptions.BALLOON_ACTUAL + ", in bytes.", BalloonStats::actualBytes),
          gauge(P + "maximum_bytes", "bytes", Descriptions.BALLOON_MAXIMUM + ", in bytes.", BalloonStats::maximumBytes),
          gauge(P + "unused_bytes", "bytes", Descriptions.BALLOON_UNUSED + ", in bytes.", BalloonStats::unusedBytes),
          gauge(P + "available_bytes", "bytes", Descriptions.BALLOON_AVAILABLE + ", in bytes.", BalloonStats::availableBytes),
          gauge(P + "usable_bytes", "bytes", Descriptions.BALLOON_USABLE + ", in bytes.", BalloonStats::usableBytes),
          gauge(P + "rss_bytes", "bytes", Descriptions.BALLOON_RSS + ", in bytes.", BalloonStats::rssBytes),
          gauge(P + "disk_caches_bytes", "bytes", Descriptions.BALLOON_DISK_CACHES + ", in bytes.", BalloonStats::diskCachesBytes),
          counter(P + "swap_in_bytes", "bytes", Descriptions.BALLOON_SWAP_IN + ", in bytes.", BalloonStats::swapInBytes),
          counter(P + "swap_out_bytes", "bytes", Descriptions.BALLOON_SWAP_OUT + ", in bytes.", BalloonStats::swapOutBytes),
          counter(P + "major_fault", null, Descriptions.BALLOON_MAJOR_FAULTS + ".", BalloonStats::majorFaults),
          counter(P + "minor_fault", null, Descriptions.BALLOON_MINOR_FAULTS + ".", BalloonStats::minorFaults),
          gauge(
              P + "last_update_timestamp_seconds",
              "seconds",
              "When the guest last updated these statistics, in seconds since the epoch.",
              BalloonStats::lastUpdate),
          gaugeOf(P + "used_percent", "percent", Descriptions.BALLOON_USED_PERCENT + ".", BalloonStats::usedPercent));

  @Override
  public List<Family> families() {
    return Measured.families(SERIES);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      BalloonStats b = d.memory().balloon();
      if (!d.active() || b == null) {
        continue;
      }
      Labels l = out.domain(d);
      SERIES.forEach(m -> m.write(out, l, b));
    }
  }
}
