/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.HostStats;
import io.virtmx.model.NodeCpuTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cumulative time of each host CPU ({@code virNodeGetCPUStats} per CPU); off by default. */
final class NodeCpuCollector implements Collector<List<NodeCpuTimes>> {
  @Override
  public List<NodeCpuTimes> collect(CollectionContext context) throws Exception {
    var conn = context.connection();
    int cpus = conn.nodeInfo().cpus;
    List<NodeCpuTimes> out = new ArrayList<>(cpus);
    for (int i = 0; i < cpus; i++) {
      Map<String, Long> f = HostStats.nodeCpuStats(conn.nativeHandle(), i);
      out.add(
          new NodeCpuTimes(
              f.getOrDefault("user", -1L),
              f.getOrDefault("kernel", -1L),
              f.getOrDefault("idle", -1L),
              f.getOrDefault("iowait", -1L)));
    }
    return out;
  }
}
