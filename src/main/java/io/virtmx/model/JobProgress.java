/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * The detail of a running job that {@code virDomainGetJobStats} adds to the job's totals: memory
 * and disk transfer of a migration, the rate the guest dirties memory, the pass over memory and
 * the downtime the hypervisor expects at switch-over. Each value is {@link Values#UNKNOWN} when
 * libvirt does not report it.
 */
public record JobProgress(
    long memoryTotalBytes,
    long memoryProcessedBytes,
    long memoryRemainingBytes,
    long memoryDirtyRateBytesPerSecond,
    long iteration,
    long expectedDowntimeNs,
    long diskTotalBytes,
    long diskProcessedBytes,
    long diskRemainingBytes) {
  public static final JobProgress UNKNOWN =
      new JobProgress(
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN);
}
