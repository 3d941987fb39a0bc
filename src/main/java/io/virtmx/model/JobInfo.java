/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A background job (migration, save, dump…) of a domain as {@code virDomainGetJobStats} reports it,
 * or {@link #NONE}: how long it has run and may still run, the bytes it has to move and, for a
 * migration, its {@link JobProgress}.
 */
public record JobInfo(
    JobType type,
    Duration elapsed,
    Duration remaining,
    long dataTotalBytes,
    long dataProcessedBytes,
    long dataRemainingBytes,
    JobProgress progress) {
  public static final JobInfo NONE =
      new JobInfo(JobType.NONE, Duration.ZERO, Duration.ZERO, 0, 0, 0, JobProgress.UNKNOWN);

  public JobInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(progress, "progress");
  }

  /** A job with its totals only ({@code virDomainGetJobInfo}): its progress detail unknown. */
  public JobInfo(
      JobType type,
      Duration elapsed,
      Duration remaining,
      long dataTotalBytes,
      long dataProcessedBytes,
      long dataRemainingBytes) {
    this(
        type,
        elapsed,
        remaining,
        dataTotalBytes,
        dataProcessedBytes,
        dataRemainingBytes,
        JobProgress.UNKNOWN);
  }

  /**
   * How far the running job is, 0 to 1: the share of its data total no longer remaining (a
   * migration skips zero pages, so its processed bytes alone never reach the total); NaN when no
   * job runs or its total is not known yet.
   */
  public double progressRatio() {
    if (!running() || dataTotalBytes <= 0 || dataRemainingBytes < 0) {
      return Double.NaN;
    }
    return Math.max(0.0, Math.min(1.0, 1.0 - (double) dataRemainingBytes / dataTotalBytes));
  }

  public boolean running() {
    return type == JobType.BOUNDED || type == JobType.UNBOUNDED;
  }
}
