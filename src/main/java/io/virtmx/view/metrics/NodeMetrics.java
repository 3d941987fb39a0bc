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
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeInfo;
import java.util.List;

/**
 * The host itself: {@code libvirt_up{host="hv1"} 1}, domain count, node CPU time and memory,
 * versions.
 */
final class NodeMetrics implements SnapshotBinder {
  static final Family UP =
      gauge("libvirt_up", null, "Whether scraping libvirt's metrics was successful.");
  static final Family DOMAINS = gauge("libvirt_domains_number", null, "Number of domains.");
  static final Family CPU_TIME =
      counter(
          "libvirt_node_cpu_time_seconds",
          "seconds",
          "Cumulative CPU time of the host over all CPUs by mode (user, system, idle, iowait), in seconds.");
  static final Family CPUS = gauge("libvirt_node_cpus", null, Descriptions.NODE_CPUS + ".");
  static final Family CPU_FREQ =
      gauge("libvirt_node_cpu_frequency_hertz", "hertz", "Host CPU frequency, in hertz.");
  static final Family MEM_TOTAL =
      gauge(
          "libvirt_node_memory_total_bytes",
          "bytes",
          Descriptions.NODE_MEMORY_TOTAL + ", in bytes.");
  static final Family MEM_FREE =
      gauge(
          "libvirt_node_memory_free_bytes", "bytes", Descriptions.NODE_MEMORY_FREE + ", in bytes.");
  static final Family NODE_INFO =
      info("libvirt_node", "Host facts: hostname, libvirt URI, CPU model and topology.");
  static final Family VERSION_INFO =
      info("libvirt_version", "Versions of libvirt and of the hypervisor.");

  @Override
  public List<Family> families() {
    return List.of(
        UP, DOMAINS, CPU_TIME, CPUS, CPU_FREQ, MEM_TOTAL, MEM_FREE, NODE_INFO, VERSION_INFO);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    Labels labels = out.labels();
    out.value(UP, labels, host.up() ? 1 : 0);
    out.value(DOMAINS, labels, host.domains().size());
    NodeInfo node = host.node();
    if (!node.known()) {
      return;
    }
    NodeCpuTimes t = node.cpuTimes();
    out.nanosAsSeconds(CPU_TIME, out.labels("mode", "user"), t.userNs());
    out.nanosAsSeconds(CPU_TIME, out.labels("mode", "system"), t.systemNs());
    out.nanosAsSeconds(CPU_TIME, out.labels("mode", "idle"), t.idleNs());
    out.nanosAsSeconds(CPU_TIME, out.labels("mode", "iowait"), t.iowaitNs());
    out.reported(CPUS, labels, node.cpus(), 1);
    out.reported(CPU_FREQ, labels, node.cpuMhz(), 1e6);
    out.reported(MEM_TOTAL, labels, node.memoryTotalBytes(), 1);
    out.reported(MEM_FREE, labels, node.memoryFreeBytes(), 1);
    out.info(
        NODE_INFO,
        out.labels(
            "hostname",
            text(node.hostname()),
            "uri",
            text(host.uri()),
            "cpu_model",
            text(node.cpuModel()),
            "sockets",
            Integer.toString(node.sockets()),
            "cores",
            Integer.toString(node.cores()),
            "threads",
            Integer.toString(node.threads()),
            "numa_nodes",
            Integer.toString(node.numaNodes())));
    out.info(
        VERSION_INFO,
        out.labels(
            "libvirt_version",
            NodeInfo.versionString(node.libvirtVersion()),
            "hypervisor_type",
            text(node.hypervisorType()),
            "hypervisor_version",
            NodeInfo.versionString(node.hypervisorVersion())));
  }

  static String text(String s) {
    return s == null ? "" : s;
  }
}
