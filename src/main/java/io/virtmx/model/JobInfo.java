/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A background job (migration, save, dump…) of a domain as {@code virDomainGetJobInfo} reports it,
 * or {@link #NONE}: how long it has run and may still run, and the bytes it has to move.
 */
public record JobInfo(
    JobType type,
    Duration elapsed,
    Duration remaining,
    long dataTotalBytes,
    long dataProcessedBytes,
    long dataRemainingBytes) {
  public static final JobInfo NONE =
      new JobInfo(JobType.NONE, Duration.ZERO, Duration.ZERO, 0, 0, 0);

  public JobInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(remaining, "remaining");
  }

  public boolean running() {
    return type == JobType.BOUNDED || type == JobType.UNBOUNDED;
  }
}
