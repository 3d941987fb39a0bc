/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.CapabilitiesXml;
import io.virtmx.libvirt.NodeCalls;
import io.virtmx.model.HugePages;
import io.virtmx.model.NodeMemory;
import io.virtmx.model.NumaCell;
import io.virtmx.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's memory in detail: NUMA cells with their free memory, free pages of each size per
 * cell, memory statistics and same-page-merging parameters. Each part the driver does not support
 * stays unknown.
 */
final class NodeMemoryCollector implements Collector<NodeMemory> {
  private final CapabilitiesCache capabilities = new CapabilitiesCache();

  @Override
  public NodeMemory collect(CollectionContext context) {
    var conn = context.connection().nativeHandle();
    CapabilitiesXml.Parsed caps = capabilities.get(context.connection());
    List<NumaCell> cells = caps.cells();
    // no cell in the capabilities (a test-driver node file): nothing to ask, and libvirt refuses
    // a count of zero as an invalid argument, which failed the collector every time
    long[] free =
        cells.isEmpty()
            ? new long[0]
            : Unsupported.orElse(() -> NodeCalls.cellsFreeMemory(conn, cells.size()), new long[0]);
    List<NumaCell> withFree = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      withFree.add(cells.get(i).withFreeBytes(i < free.length ? free[i] : Values.UNKNOWN));
    }
    Map<String, Long> stats = Unsupported.orElse(() -> NodeCalls.memoryStatsKib(conn), Map.of());
    return new NodeMemory(
        withFree,
        freePages(conn, caps.pages(), cells.size()),
        kib(stats, "total"),
        kib(stats, "free"),
        kib(stats, "buffers"),
        kib(stats, "cached"),
        sharedMemory(Unsupported.orElse(() -> NodeCalls.memoryParameters(conn), Map.of())));
  }

  private static List<HugePages> freePages(
      com.sun.jna.Pointer conn, List<HugePages> pages, int cells) {
    int[] sizes =
        pages.stream()
            .map(p -> (int) (p.pageSizeBytes() / 1024))
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
            .stream()
            .mapToInt(Integer::intValue)
            .toArray();
    if (sizes.length == 0 || cells == 0) {
      return pages;
    }
    long[] counts = Unsupported.orElse(() -> NodeCalls.freePages(conn, sizes, cells), null);
    List<HugePages> out = new ArrayList<>();
    for (HugePages p : pages) {
      int size = indexOf(sizes, (int) (p.pageSizeBytes() / 1024));
      boolean known = counts != null && size >= 0 && p.cell() >= 0 && p.cell() < cells;
      out.add(known ? p.withFree(counts[p.cell() * sizes.length + size]) : p);
    }
    return out;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static long kib(Map<String, Long> stats, String field) {
    Long v = stats.get(field);
    return v == null ? Values.UNKNOWN : Values.kibToBytes(v);
  }

  /** The shm_ parameters without their prefix, numbers only. */
  static Map<String, Long> sharedMemory(Map<String, Object> params) {
    Map<String, Long> out = new TreeMap<>();
    params.forEach(
        (k, v) -> {
          if (k.startsWith("shm_") && v instanceof Number n) {
            out.put(k.substring(4), n.longValue());
          }
        });
    return out;
  }
}
