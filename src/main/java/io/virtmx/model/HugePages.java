/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * The pages of one size in one NUMA cell: page size in bytes, pages in the cell (from the
 * capabilities) and pages free ({@code virNodeGetFreePages}); -1 if not reported.
 */
public record HugePages(int cell, long pageSizeBytes, long total, long free) {
  /** The same pages with the free count as read now. */
  public HugePages withFree(long freePages) {
    return new HugePages(cell, pageSizeBytes, total, freePages);
  }
}
