/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.FixedSource;
import io.virtmx.model.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainJobMetricsTest {
  private static final String LABELS = "{domain=\"mover\",host=\"hv1\",uuid=\"uuid-mover\"}";

  @Test
  void aMigrationsProgressIsInBytesSecondsAndARatio() throws Exception {
    DomainSnapshot mover =
        Snapshots.domain("mover")
            .id(7)
            .running()
            .job(
                Snapshots.job()
                    .elapsedMs(8252)
                    .data(400, 150, 100)
                    .memory(300, 50, 100)
                    .pass(1_024_000, 2, 300_000_000L)
                    .disk(100, 100, 0)
                    .build())
            .build();

    String text = SnapshotCollectorTest.render(new FixedSource(SnapshotCollectorTest.host(List.of(mover))));

    assertThat(text)
        .contains(
            "libvirt_domain_job_type" + LABELS + " 2.0",
            "libvirt_domain_job_elapsed_seconds" + LABELS + " 8.252",
            "libvirt_domain_job_data_processed_bytes" + LABELS + " 150.0",
            "libvirt_domain_job_data_remaining_bytes" + LABELS + " 100.0",
            "libvirt_domain_job_progress_ratio" + LABELS + " 0.75",
            "libvirt_domain_job_memory_remaining_bytes" + LABELS + " 100.0",
            "libvirt_domain_job_memory_dirty_rate_bytes_per_second" + LABELS + " 1024000.0",
            "libvirt_domain_job_iteration" + LABELS + " 2.0",
            "libvirt_domain_job_expected_downtime_seconds" + LABELS + " 0.3",
            "libvirt_domain_job_disk_processed_bytes" + LABELS + " 100.0");
  }

  @Test
  void noJobHasNoProgressSeries() throws Exception {
    DomainSnapshot idle = Snapshots.domain("mover").id(7).running().build();

    String text = SnapshotCollectorTest.render(new FixedSource(SnapshotCollectorTest.host(List.of(idle))));

    assertThat(text)
        .contains("libvirt_domain_job_type" + LABELS + " 0.0")
        .doesNotContain("libvirt_domain_job_progress_ratio{")
        .doesNotContain("libvirt_domain_job_memory_dirty_rate_bytes_per_second{")
        .doesNotContain("libvirt_domain_job_iteration{");
  }
}
