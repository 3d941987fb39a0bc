/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static javax.management.MBeanOperationInfo.ACTION;

import io.virtmx.model.Descriptions;
import java.util.Map;

/**
 * A libvirt host (node) as virtmx last collected it: identity, versions, CPU, memory and object
 * counts.
 */
@Doc(
    "A libvirt host: node information and statistics, versions, collection status and domain counts by state")
public interface HostMXBean extends HostNodeMXBean {
  @Doc("Host name as published by virtmx (configured, or the hostname libvirt reports)")
  String getName();

  @Doc("libvirt connection URI")
  String getUri();

  @Doc(
      "Whether libvirt answered the last collection; objects of a host that is down keep their last values")
  boolean isUp();

  @Doc(
      "Whether the values are older than the last collection attempt (host down or collection timed out)")
  boolean isStale();

  @Doc("When the last collection attempt finished, ISO-8601")
  String getLastCollection();

  @Doc("When the last successful collection finished, ISO-8601, or empty if none yet")
  String getLastSuccess();

  @Doc(value = "Time the last collection took", units = "ms")
  long getCollectionDurationMillis();

  @Doc("Collection errors since start, by kind")
  Map<String, Long> getErrors();

  @Doc(
      value =
          "Duration of each collector (node, domains, pools, networks, numa…) in the last collection; "
              + "a switched-off collector is absent",
      units = "s")
  Map<String, Double> getCollectorDurationSeconds();

  @Doc(
      "Whether each collector finished without error in the last collection (false: it failed "
          + "and kept its previous values, or counted an error for one object)")
  Map<String, Boolean> getCollectorSuccess();

  @Doc("Hostname libvirt reports")
  String getHostname();

  @Doc("Hypervisor driver, e.g. QEMU or Test")
  String getHypervisorType();

  @Doc("Hypervisor version, e.g. 7.2.0")
  String getHypervisorVersion();

  @Doc("libvirt version, e.g. 9.0.0")
  String getLibvirtVersion();

  @Doc("CPU model")
  String getCpuModel();

  @Doc(Descriptions.NODE_CPUS)
  int getCpus();

  @Doc(value = "CPU frequency", units = "MHz")
  int getCpuMhz();

  @Doc("NUMA nodes")
  int getNumaNodes();

  @Doc("CPU sockets per NUMA node")
  int getSockets();

  @Doc("Cores per socket")
  int getCores();

  @Doc("Threads per core")
  int getThreads();

  @Doc(value = Descriptions.NODE_MEMORY_TOTAL, units = "bytes")
  long getMemoryTotalBytes();

  @Doc(value = Descriptions.NODE_MEMORY_FREE, units = "bytes")
  long getMemoryFreeBytes();

  @Doc(
      value = "Cumulative host CPU time in user mode over all CPUs, -1 if not reported",
      units = "ns")
  long getCpuUserNs();

  @Doc(
      value = "Cumulative host CPU time in kernel mode over all CPUs, -1 if not reported",
      units = "ns")
  long getCpuSystemNs();

  @Doc(value = "Cumulative host CPU idle time over all CPUs, -1 if not reported", units = "ns")
  long getCpuIdleNs();

  @Doc(
      value = "Cumulative host CPU time waiting for I/O over all CPUs, -1 if not reported",
      units = "ns")
  long getCpuIowaitNs();

  @Doc("Domains (active and defined)")
  int getDomainCount();

  @Doc("Domains running")
  int getDomainsRunning();

  @Doc("Domains paused")
  int getDomainsPaused();

  @Doc("Domains shut off")
  int getDomainsShutOff();

  @Doc("Domains in any other state (blocked, shutting down, crashed, pmsuspended, no state)")
  int getDomainsOther();

  @Doc("Domain count by state as virsh names it (running, paused, shut off…)")
  Map<String, Integer> getDomainsByState();

  @Doc("Storage pools")
  int getPoolCount();

  @Doc("Virtual networks")
  int getNetworkCount();

  @Doc(
      value = "Defines a persistent domain from its libvirt XML; returns the domain's name",
      impact = ACTION)
  String defineDomain(
      @Param(name = "xml", value = "Domain definition, libvirt domain XML") String xml);

  @Doc(
      value =
          "Creates and starts a transient domain from its libvirt XML; returns the domain's name",
      impact = ACTION)
  String createDomain(
      @Param(name = "xml", value = "Domain definition, libvirt domain XML") String xml);

  @Doc(value = "Collects the whole host again now instead of at the next interval", impact = ACTION)
  void refresh();
}
