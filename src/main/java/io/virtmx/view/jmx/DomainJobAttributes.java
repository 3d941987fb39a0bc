/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.JobInfo;
import io.virtmx.model.JobProgress;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.Values;
import java.util.Locale;

/**
 * The Domain MBean's background-job attributes (a migration's progress), read from the domain's
 * latest snapshot; nanoseconds become the milliseconds the attribute names promise.
 */
abstract class DomainJobAttributes extends DomainAttributes {
  DomainJobAttributes(SnapshotSource source, String host, DomainSnapshot initial) {
    super(source, host, initial);
  }

  private JobInfo job() {
    return snap().job();
  }

  private JobProgress progress() {
    return job().progress();
  }

  @Override
  public String getJobType() {
    return job().type().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public long getJobDataTotalBytes() {
    return job().dataTotalBytes();
  }

  @Override
  public long getJobDataProcessedBytes() {
    return job().dataProcessedBytes();
  }

  @Override
  public long getJobDataRemainingBytes() {
    return job().dataRemainingBytes();
  }

  @Override
  public double getJobProgressPercent() {
    return job().progressRatio() * 100;
  }

  @Override
  public long getJobMemoryTotalBytes() {
    return progress().memoryTotalBytes();
  }

  @Override
  public long getJobMemoryProcessedBytes() {
    return progress().memoryProcessedBytes();
  }

  @Override
  public long getJobMemoryRemainingBytes() {
    return progress().memoryRemainingBytes();
  }

  @Override
  public long getJobMemoryDirtyRateBytesPerSec() {
    return progress().memoryDirtyRateBytesPerSecond();
  }

  @Override
  public long getJobIteration() {
    return progress().iteration();
  }

  @Override
  public long getJobExpectedDowntimeMillis() {
    long ns = progress().expectedDowntimeNs();
    return Values.known(ns) ? ns / 1_000_000 : Values.UNKNOWN;
  }

  @Override
  public long getJobDiskTotalBytes() {
    return progress().diskTotalBytes();
  }

  @Override
  public long getJobDiskProcessedBytes() {
    return progress().diskProcessedBytes();
  }
}
