/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Cumulative CPU time of a domain in nanoseconds: total, and user/system where the driver splits it
 * (else -1).
 */
public record CpuTimes(long totalNs, long userNs, long systemNs) {
  public static final CpuTimes UNKNOWN = new CpuTimes(-1, -1, -1);
}
