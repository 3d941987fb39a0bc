/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.HostStats;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeInfo;
import org.libvirt.LibvirtException;

/**
 * The host itself: identity and versions, CPU topology, memory, and CPU time counters where the
 * driver has them.
 */
final class NodeCollector implements Collector<NodeInfo> {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(NodeCollector.class);

  @Override
  public NodeInfo collect(CollectionContext context) throws LibvirtException {
    NativeConnect conn = context.connection();
    org.libvirt.NodeInfo info = conn.nodeInfo();
    return new NodeInfo(
        conn.getHostName(),
        conn.getType(),
        conn.getVersion(),
        conn.getLibVersion(),
        info.model,
        info.cpus,
        info.mhz,
        info.nodes,
        info.sockets,
        info.cores,
        info.threads,
        info.memory * 1024,
        freeMemory(conn),
        cpuTimes(conn));
  }

  /**
   * Free host memory in bytes, -1 where the driver cannot tell (the test driver through libvirtd
   * fails it).
   */
  private static long freeMemory(NativeConnect conn) {
    try {
      return conn.getFreeMemory();
    } catch (LibvirtException e) {
      log.debug("free memory not available: {}", e.getMessage());
      return -1;
    }
  }

  private static NodeCpuTimes cpuTimes(NativeConnect conn) {
    try {
      return HostStats.nodeCpuTimes(conn.nativeHandle());
    } catch (LibvirtCallException e) {
      if (e.isNoSupport()) {
        return NodeCpuTimes.UNKNOWN; // the test driver has no host CPU statistics
      }
      throw e;
    }
  }
}
