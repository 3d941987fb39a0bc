/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.counter;
import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;

import io.virtmx.model.Descriptions;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.HugePages;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeMemory;
import io.virtmx.model.NumaCell;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The node's memory in detail and per-CPU time: {@code
 * libvirt_node_numa_memory_free_bytes{host="hv1",cell="0"} 9.1e9}, pages per size and cell,
 * memory statistics, kernel same-page merging.
 */
final class NodeMemoryMetrics implements SnapshotBinder {
  static final Family CELL_MEMORY =
      gauge(
          "libvirt_node_numa_memory_bytes", "bytes", Descriptions.NUMA_CELL_MEMORY + ", in bytes.");
  static final Family CELL_FREE =
      gauge(
          "libvirt_node_numa_memory_free_bytes",
          "bytes",
          Descriptions.NUMA_CELL_FREE + ", in bytes.");
  static final Family CELL_INFO = info("libvirt_node_numa_cell", Descriptions.NUMA_CELL_CPUS + ".");
  static final Family DISTANCE =
      gauge("libvirt_node_numa_distance", null, Descriptions.NUMA_DISTANCE + ".");
  static final Family PAGES = gauge("libvirt_node_pages", null, Descriptions.PAGES_TOTAL + ".");
  static final Family PAGES_FREE =
      gauge("libvirt_node_pages_free", null, Descriptions.PAGES_FREE + ".");
  static final Family MEMORY_STATS =
      gauge(
          "libvirt_node_memory_stats_bytes", "bytes", Descriptions.NODE_MEMORY_STATS + ", in bytes.");
  static final Family KSM_PAGES = gauge("libvirt_node_ksm_pages", null, Descriptions.KSM_PAGES + ".");
  static final Family KSM_FULL_SCANS =
      counter("libvirt_node_ksm_full_scans", null, Descriptions.KSM_FULL_SCANS + ".");
  static final Family KSM_SETTINGS =
      gauge("libvirt_node_ksm_setting", null, Descriptions.KSM_SETTINGS + ".");
  static final Family CPU_TIME =
      counter(
          "libvirt_node_cpu_time_per_cpu_seconds",
          "seconds",
          Descriptions.NODE_CPU_TIME_PER_CPU + " (user, system, idle, iowait), in seconds.");

  @Override
  public List<Family> families() {
    return List.of(
        CELL_MEMORY,
        CELL_FREE,
        CELL_INFO,
        DISTANCE,
        PAGES,
        PAGES_FREE,
        MEMORY_STATS,
        KSM_PAGES,
        KSM_FULL_SCANS,
        KSM_SETTINGS,
        CPU_TIME);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    NodeMemory m = host.resources().memory();
    for (NumaCell c : m.cells()) {
      String cell = Integer.toString(c.id());
      out.reported(CELL_MEMORY, out.labels("cell", cell), c.memoryBytes(), 1);
      out.reported(CELL_FREE, out.labels("cell", cell), c.freeBytes(), 1);
      String cpus = c.cpus().stream().map(String::valueOf).collect(Collectors.joining(","));
      out.info(CELL_INFO, out.labels("cell", cell, "cpus", cpus));
      c.distances()
          .forEach(
              (to, d) ->
                  out.reported(
                      DISTANCE, out.labels("cell", cell, "to_cell", Integer.toString(to)), d, 1));
    }
    for (HugePages p : m.pages()) {
      var labels =
          out.labels(
              "cell", Integer.toString(p.cell()), "page_size", Long.toString(p.pageSizeBytes()));
      out.reported(PAGES, labels, p.total(), 1);
      out.reported(PAGES_FREE, labels, p.free(), 1);
    }
    out.reported(MEMORY_STATS, out.labels("type", "total"), m.totalBytes(), 1);
    out.reported(MEMORY_STATS, out.labels("type", "free"), m.freeBytes(), 1);
    out.reported(MEMORY_STATS, out.labels("type", "buffers"), m.buffersBytes(), 1);
    out.reported(MEMORY_STATS, out.labels("type", "cached"), m.cachedBytes(), 1);
    bindSharedMemory(m.sharedMemory(), out);
    List<NodeCpuTimes> cpus = host.resources().perCpu();
    for (int i = 0; i < cpus.size(); i++) {
      NodeCpuTimes t = cpus.get(i);
      String cpu = Integer.toString(i);
      out.nanosAsSeconds(CPU_TIME, out.labels("cpu", cpu, "mode", "user"), t.userNs());
      out.nanosAsSeconds(CPU_TIME, out.labels("cpu", cpu, "mode", "system"), t.systemNs());
      out.nanosAsSeconds(CPU_TIME, out.labels("cpu", cpu, "mode", "idle"), t.idleNs());
      out.nanosAsSeconds(CPU_TIME, out.labels("cpu", cpu, "mode", "iowait"), t.iowaitNs());
    }
  }

  private static void bindSharedMemory(Map<String, Long> ksm, SeriesBuffer out) {
    ksm.forEach(
        (name, value) -> {
          if (name.equals("full_scans")) {
            out.reported(KSM_FULL_SCANS, out.labels(), value, 1);
          } else if (name.startsWith("pages_") && !name.equals("pages_to_scan")) {
            out.reported(KSM_PAGES, out.labels("state", name.substring(6)), value, 1);
          } else {
            out.reported(KSM_SETTINGS, out.labels("setting", name), value, 1);
          }
        });
  }
}
