/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * Counters and sizes of one disk (the top image of a target) as libvirt reports them; times are
 * cumulative ns, sizes bytes, -1 where the driver did not report the value. {@code path} is null
 * when unknown.
 */
public record BlockCounters(
    String name,
    String path,
    long readRequests,
    long readBytes,
    long readTimeNs,
    long writeRequests,
    long writeBytes,
    long writeTimeNs,
    long flushRequests,
    long flushTimeNs,
    long errors,
    long allocationBytes,
    long capacityBytes,
    long physicalBytes) {

  /** The same counters with the sizes taken from a {@code virDomainGetBlockInfo} result. */
  public BlockCounters withSizes(BlockInfo info) {
    return new BlockCounters(
        name,
        path,
        readRequests,
        readBytes,
        readTimeNs,
        writeRequests,
        writeBytes,
        writeTimeNs,
        flushRequests,
        flushTimeNs,
        errors,
        info.allocationBytes(),
        info.capacityBytes(),
        info.physicalBytes());
  }
}
