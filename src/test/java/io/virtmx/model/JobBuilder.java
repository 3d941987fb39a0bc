/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Duration;

/** Builds a running {@link JobInfo} (unbounded, as a migration is); -1 where not set. */
public final class JobBuilder extends SnapshotBuilder<JobBuilder> {
  private JobType type = JobType.UNBOUNDED;
  private long elapsedMs;
  private long[] data = unknown(3);
  private long[] memory = unknown(3);
  private long[] dirtyRateIterationDowntime = unknown(3);
  private long[] disk = unknown(3);

  JobBuilder() {}

  public JobBuilder type(JobType value) {
    return set(() -> type = value);
  }

  public JobBuilder elapsedMs(long value) {
    return set(() -> elapsedMs = value);
  }

  public JobBuilder data(long total, long processed, long remaining) {
    return set(() -> data = new long[] {total, processed, remaining});
  }

  public JobBuilder memory(long total, long processed, long remaining) {
    return set(() -> memory = new long[] {total, processed, remaining});
  }

  /** Dirty rate in bytes per second, iteration, expected downtime in nanoseconds. */
  public JobBuilder pass(long dirtyBytesPerSecond, long iteration, long expectedDowntimeNs) {
    return set(
        () ->
            dirtyRateIterationDowntime =
                new long[] {dirtyBytesPerSecond, iteration, expectedDowntimeNs});
  }

  public JobBuilder disk(long total, long processed, long remaining) {
    return set(() -> disk = new long[] {total, processed, remaining});
  }

  public JobInfo build() {
    return new JobInfo(
        type,
        Duration.ofMillis(elapsedMs),
        Duration.ZERO,
        data[0],
        data[1],
        data[2],
        new JobProgress(
            memory[0],
            memory[1],
            memory[2],
            dirtyRateIterationDowntime[0],
            dirtyRateIterationDowntime[1],
            dirtyRateIterationDowntime[2],
            disk[0],
            disk[1],
            disk[2]));
  }
}
