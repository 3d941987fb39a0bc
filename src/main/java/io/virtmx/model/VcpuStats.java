/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * One virtual CPU: its state, cumulative run time, and where the driver reports them the time spent
 * waiting on I/O ({@code waitNs}) and waiting for a host CPU ({@code delayNs}, the guest's steal),
 * all in nanoseconds ({@link Values#UNKNOWN} when not reported); {@code hostCpu} is the host CPU it
 * last ran on, -1 when not reported.
 */
public record VcpuStats(
    int number, VcpuState state, long timeNs, long waitNs, long delayNs, int hostCpu, int halted) {
  public VcpuStats {
    Objects.requireNonNull(state, "state");
  }

  /** A vCPU whose halted state was not reported ({@code halted} -1; else 1 halted, 0 not). */
  public VcpuStats(
      int number, VcpuState state, long timeNs, long waitNs, long delayNs, int hostCpu) {
    this(number, state, timeNs, waitNs, delayNs, hostCpu, -1);
  }
}
