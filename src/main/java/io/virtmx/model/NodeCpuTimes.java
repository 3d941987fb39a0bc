/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Cumulative host CPU time over all CPUs, in nanoseconds, as {@code virNodeGetCPUStats} reports it;
 * -1 if absent.
 */
public record NodeCpuTimes(long userNs, long systemNs, long idleNs, long iowaitNs) {
  public static final NodeCpuTimes UNKNOWN = new NodeCpuTimes(-1, -1, -1, -1);
}
