/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One NUMA cell of the host: its memory in bytes (total from the capabilities, free from {@code
 * virNodeGetCellsFreeMemory}, -1 if not reported), its CPU ids and its distance to each cell.
 */
public record NumaCell(
    int id, long memoryBytes, long freeBytes, List<Integer> cpus, Map<Integer, Integer> distances) {
  public NumaCell {
    cpus = List.copyOf(Objects.requireNonNull(cpus, "cpus"));
    distances = Map.copyOf(Objects.requireNonNull(distances, "distances"));
  }

  /** The same cell with its free memory as read now. */
  public NumaCell withFreeBytes(long free) {
    return new NumaCell(id, memoryBytes, free, cpus, distances);
  }
}
