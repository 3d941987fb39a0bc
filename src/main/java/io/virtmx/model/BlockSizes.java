/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Sizes of one disk in bytes, as {@code virDomainGetBlockInfo} or the bulk {@code block.*}
 * statistics give them: what the guest sees ({@code capacity}), what the image holds on the host
 * ({@code allocation}) and the host file or device size ({@code physical}).
 */
public record BlockSizes(long capacityBytes, long allocationBytes, long physicalBytes) {
  private static final long N = Values.UNKNOWN;

  /** Nothing reported ({@code N} = {@link Values#UNKNOWN}). */
  public static final BlockSizes UNKNOWN = new BlockSizes(N, N, N);
}
