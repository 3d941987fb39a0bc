/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;

/**
 * What libvirt reported of one disk (the top image of a target): its name and, in bulk statistics,
 * its path (null when unknown), counters and sizes.
 */
public record BlockCounters(String name, String path, BlockIo io, BlockSizes sizes) {

  /** The same counters with the sizes from a {@code virDomainGetBlockInfo} call. */
  public BlockCounters withSizes(BlockSizes newSizes) {
    return new BlockCounters(name, path, io, newSizes);
  }
}
