/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeInfo;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.NodeResources;
import io.virtmx.ops.Operations;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** The Host MBean: reads the host's latest snapshot on every get. */
final class HostBean extends HostNodeAttributes implements HostMXBean {
  private final SnapshotSource source;
  private final Operations operations;
  private final String host;

  HostBean(SnapshotSource source, Operations operations, String host) {
    this.source = source;
    this.operations = operations;
    this.host = host;
  }

  private HostSnapshot snap() {
    return source
        .host(host)
        .orElseThrow(() -> new IllegalStateException("host '" + host + "' is no longer watched"));
  }

  @Override
  NodeResources resources() {
    return snap().resources();
  }

  private NodeInfo node() {
    return snap().node();
  }

  private long node(ToLongFunction<NodeInfo> field) {
    return field.applyAsLong(node());
  }

  private long cpu(ToLongFunction<NodeCpuTimes> field) {
    return field.applyAsLong(node().cpuTimes());
  }

  @Override
  public String getName() {
    return host;
  }

  @Override
  public String getUri() {
    return snap().uri();
  }

  @Override
  public boolean isUp() {
    return snap().up();
  }

  @Override
  public boolean isStale() {
    return snap().stale();
  }

  @Override
  public String getLastCollection() {
    return String.valueOf(snap().collectedAt());
  }

  @Override
  public String getLastSuccess() {
    return snap().lastSuccess().map(Instant::toString).orElse("");
  }

  @Override
  public long getCollectionDurationMillis() {
    return snap().collectionDuration().toMillis();
  }

  @Override
  public Map<String, Long> getErrors() {
    return new TreeMap<>(snap().errorsByKind());
  }

  @Override
  public Map<String, Double> getCollectorDurationSeconds() {
    Map<String, Double> out = new TreeMap<>();
    snap().collectorRuns().forEach(r -> out.put(r.name(), r.duration().toNanos() / 1e9));
    return out;
  }

  @Override
  public Map<String, Boolean> getCollectorSuccess() {
    Map<String, Boolean> out = new TreeMap<>();
    snap().collectorRuns().forEach(r -> out.put(r.name(), r.success()));
    return out;
  }

  @Override
  public String getHostname() {
    return node().hostname();
  }

  @Override
  public String getHypervisorType() {
    return node().hypervisorType();
  }

  @Override
  public String getHypervisorVersion() {
    return NodeInfo.versionString(node(NodeInfo::hypervisorVersion));
  }

  @Override
  public String getLibvirtVersion() {
    return NodeInfo.versionString(node(NodeInfo::libvirtVersion));
  }

  @Override
  public String getCpuModel() {
    return node().cpuModel();
  }

  @Override
  public int getCpus() {
    return (int) node(NodeInfo::cpus);
  }

  @Override
  public int getCpuMhz() {
    return (int) node(NodeInfo::cpuMhz);
  }

  @Override
  public int getNumaNodes() {
    return (int) node(NodeInfo::numaNodes);
  }

  @Override
  public int getSockets() {
    return (int) node(NodeInfo::sockets);
  }

  @Override
  public int getCores() {
    return (int) node(NodeInfo::cores);
  }

  @Override
  public int getThreads() {
    return (int) node(NodeInfo::threads);
  }

  @Override
  public long getMemoryTotalBytes() {
    return node(NodeInfo::memoryTotalBytes);
  }

  @Override
  public long getMemoryFreeBytes() {
    return node(NodeInfo::memoryFreeBytes);
  }

  @Override
  public long getCpuUserNs() {
    return cpu(NodeCpuTimes::userNs);
  }

  @Override
  public long getCpuSystemNs() {
    return cpu(NodeCpuTimes::systemNs);
  }

  @Override
  public long getCpuIdleNs() {
    return cpu(NodeCpuTimes::idleNs);
  }

  @Override
  public long getCpuIowaitNs() {
    return cpu(NodeCpuTimes::iowaitNs);
  }

  @Override
  public int getDomainCount() {
    return snap().domains().size();
  }

  private int count(DomainState state) {
    return snap().domainTotals().in(state);
  }

  @Override
  public int getDomainsRunning() {
    return count(DomainState.RUNNING);
  }

  @Override
  public int getDomainsPaused() {
    return count(DomainState.PAUSED);
  }

  @Override
  public int getDomainsShutOff() {
    return count(DomainState.SHUTOFF);
  }

  @Override
  public int getDomainsOther() {
    return getDomainCount() - getDomainsRunning() - getDomainsPaused() - getDomainsShutOff();
  }

  @Override
  public Map<String, Integer> getDomainsByState() {
    Map<String, Integer> out = new TreeMap<>();
    snap().domainTotals().byState().forEach((state, n) -> out.put(state.label(), n));
    return out;
  }

  @Override
  public int getPoolCount() {
    return snap().pools().size();
  }

  @Override
  public int getNetworkCount() {
    return snap().networks().size();
  }

  @Override
  public String defineDomain(String xml) {
    return operations.domains().define(JmxCallers.current(), host, xml);
  }

  @Override
  public String createDomain(String xml) {
    return operations.domains().create(JmxCallers.current(), host, xml);
  }

  @Override
  public void refresh() {
    operations.refresh(JmxCallers.current(), host);
  }

  @Override
  public void detachNodeDevice(String device) {
    operations.node().detach(JmxCallers.current(), host, device);
  }

  @Override
  public void reattachNodeDevice(String device) {
    operations.node().reattach(JmxCallers.current(), host, device);
  }

  @Override
  public void resetNodeDevice(String device) {
    operations.node().reset(JmxCallers.current(), host, device);
  }

  @Override
  public void startHostInterface(String iface) {
    operations.node().startInterface(JmxCallers.current(), host, iface);
  }

  @Override
  public void stopHostInterface(String iface) {
    operations.node().stopInterface(JmxCallers.current(), host, iface);
  }
}
