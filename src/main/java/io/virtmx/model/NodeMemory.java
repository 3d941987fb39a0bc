/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The host's memory in detail: NUMA cells, pages per size and cell, {@code virNodeGetMemoryStats}
 * (total, free, buffers, cached, in bytes, -1 if not reported) and the kernel same-page merging
 * parameters of {@code virNodeGetMemoryParameters} (name without its {@code shm_} prefix to value:
 * pages_shared, pages_sharing, pages_unshared, pages_volatile, full_scans… as counts).
 */
public record NodeMemory(
    List<NumaCell> cells,
    List<HugePages> pages,
    long totalBytes,
    long freeBytes,
    long buffersBytes,
    long cachedBytes,
    Map<String, Long> sharedMemory) {

  public static final NodeMemory UNKNOWN =
      new NodeMemory(
          List.of(),
          List.of(),
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Values.UNKNOWN,
          Map.of());

  public NodeMemory {
    cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
    pages = List.copyOf(Objects.requireNonNull(pages, "pages"));
    sharedMemory = Map.copyOf(Objects.requireNonNull(sharedMemory, "sharedMemory"));
  }
}
