/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.gauge;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.JobInfo;
import io.virtmx.model.JobProgress;
import java.util.List;

/**
 * The background job of each running domain, a migration's progress above all: {@code
 * libvirt_domain_job_data_processed_bytes{host="hv1",domain="web",uuid="…"} 1.2e8}, the progress
 * ratio, memory and disk transfer, dirty rate, iteration and expected downtime. A value libvirt
 * does not report has no series.
 */
final class DomainJobMetrics implements SnapshotBinder {
  static final Family TYPE =
      gauge(
          "libvirt_domain_job_type",
          null,
          "Background job of a running domain (0 none, 1 bounded, 2 unbounded, 3 completed, 4 failed, 5 cancelled).");
  static final Family ELAPSED =
      gauge(
          "libvirt_domain_job_elapsed_seconds",
          "seconds",
          "Time the current background job (migration, save, dump) has run, in seconds.");
  static final Family REMAINING =
      gauge(
          "libvirt_domain_job_remaining_seconds",
          "seconds",
          "Estimated time until the current background job ends, in seconds.");
  static final Family TOTAL = bytes("libvirt_domain_job_data_total_bytes", Descriptions.JOB_DATA_TOTAL);
  static final Family PROCESSED =
      bytes("libvirt_domain_job_data_processed_bytes", Descriptions.JOB_DATA_PROCESSED);
  static final Family LEFT =
      bytes("libvirt_domain_job_data_remaining_bytes", Descriptions.JOB_DATA_REMAINING);
  static final Family RATIO =
      gauge(
          "libvirt_domain_job_progress_ratio", "ratio", Descriptions.JOB_PROGRESS + " (0 to 1).");
  static final Family MEMORY_TOTAL =
      bytes("libvirt_domain_job_memory_total_bytes", Descriptions.JOB_MEMORY_TOTAL);
  static final Family MEMORY_PROCESSED =
      bytes("libvirt_domain_job_memory_processed_bytes", Descriptions.JOB_MEMORY_PROCESSED);
  static final Family MEMORY_LEFT =
      bytes("libvirt_domain_job_memory_remaining_bytes", Descriptions.JOB_MEMORY_REMAINING);
  static final Family DIRTY_RATE =
      gauge(
          "libvirt_domain_job_memory_dirty_rate_bytes_per_second",
          "bytes_per_second",
          Descriptions.JOB_MEMORY_DIRTY_RATE + ", in bytes per second.");
  static final Family ITERATION =
      gauge("libvirt_domain_job_iteration", null, Descriptions.JOB_ITERATION + ".");
  static final Family DOWNTIME =
      gauge(
          "libvirt_domain_job_expected_downtime_seconds",
          "seconds",
          Descriptions.JOB_EXPECTED_DOWNTIME + ", in seconds.");
  static final Family DISK_TOTAL =
      bytes("libvirt_domain_job_disk_total_bytes", Descriptions.JOB_DISK_TOTAL);
  static final Family DISK_PROCESSED =
      bytes("libvirt_domain_job_disk_processed_bytes", Descriptions.JOB_DISK_PROCESSED);

  private static Family bytes(String name, String description) {
    return gauge(name, "bytes", description + ", in bytes.");
  }

  @Override
  public List<Family> families() {
    return List.of(
        TYPE,
        ELAPSED,
        REMAINING,
        TOTAL,
        PROCESSED,
        LEFT,
        RATIO,
        MEMORY_TOTAL,
        MEMORY_PROCESSED,
        MEMORY_LEFT,
        DIRTY_RATE,
        ITERATION,
        DOWNTIME,
        DISK_TOTAL,
        DISK_PROCESSED);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      if (d.active()) {
        Labels labels = out.domain(d);
        job(d.job(), labels, out);
        progress(d.job().progress(), labels, out);
      }
    }
  }

  private static void job(JobInfo job, Labels labels, SeriesBuffer out) {
    out.value(TYPE, labels, job.type().code());
    out.reported(ELAPSED, labels, job.elapsed().toMillis(), 1e-3);
    out.reported(REMAINING, labels, job.remaining().toMillis(), 1e-3);
    out.reported(TOTAL, labels, job.dataTotalBytes(), 1);
    out.reported(PROCESSED, labels, job.dataProcessedBytes(), 1);
    out.reported(LEFT, labels, job.dataRemainingBytes(), 1);
    out.value(RATIO, labels, job.progressRatio());
  }

  private static void progress(JobProgress p, Labels labels, SeriesBuffer out) {
    out.reported(MEMORY_TOTAL, labels, p.memoryTotalBytes(), 1);
    out.reported(MEMORY_PROCESSED, labels, p.memoryProcessedBytes(), 1);
    out.reported(MEMORY_LEFT, labels, p.memoryRemainingBytes(), 1);
    out.reported(DIRTY_RATE, labels, p.memoryDirtyRateBytesPerSecond(), 1);
    out.reported(ITERATION, labels, p.iteration(), 1);
    out.reported(DOWNTIME, labels, p.expectedDowntimeNs(), 1e-9);
    out.reported(DISK_TOTAL, labels, p.diskTotalBytes(), 1);
    out.reported(DISK_PROCESSED, labels, p.diskProcessedBytes(), 1);
  }
}
