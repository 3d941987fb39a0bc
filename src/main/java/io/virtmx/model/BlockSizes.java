/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Sizes of one disk in bytes, as {@code virDomainGetBlockInfo} or the bulk {@code block.*}
 * statistics give them: what the guest sees ({@code capacity}), what the image holds on the host
 * ({@code allocation}), the host file or device size ({@code physical}) and the write threshold
 * set with {@code virDomainSetBlockThreshold} ({@code threshold}, reported while one is set).
 */
public record BlockSizes(
    long capacityBytes, long allocationBytes, long physicalBytes, long thresholdBytes) {
  private static final long N = Values.UNKNOWN;

  /** Nothing reported ({@code N} = {@link Values#UNKNOWN}). */
  public static final BlockSizes UNKNOWN = new BlockSizes(N, N, N, N);

  /** Sizes without a write threshold ({@code block.<n>.threshold}: none set or not reported). */
  public BlockSizes(long capacityBytes, long allocationBytes, long physicalBytes) {
    this(capacityBytes, allocationBytes, physicalBytes, N);
  }
}
