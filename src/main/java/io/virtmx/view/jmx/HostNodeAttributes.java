/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.DomainCapabilities;
import io.virtmx.model.GuestArch;
import io.virtmx.model.HostCapabilities;
import io.virtmx.model.HostInterface;
import io.virtmx.model.HugePages;
import io.virtmx.model.MdevType;
import io.virtmx.model.NetworkFilters;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.NodeMemory;
import io.virtmx.model.NodeResources;
import io.virtmx.model.NumaCell;
import io.virtmx.model.PciFunction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Host MBean's node-resource attributes, read from the latest snapshot (its operations are
 * {@link HostBean}'s).
 */
abstract class HostNodeAttributes implements HostNodeMXBean {

  /** The host's latest node resources. */
  abstract NodeResources resources();

  private NodeMemory memory() {
    return resources().memory();
  }

  private HostCapabilities caps() {
    return resources().capabilities();
  }

  private static <T, V> Map<String, V> byKey(
      List<T> items, Function<T, String> key, Function<T, V> value) {
    Map<String, V> out = new TreeMap<>();
    for (T t : items) {
      out.put(key.apply(t), value.apply(t));
    }
    return out;
  }

  private static String joined(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  @Override
  public Map<String, Long> getNumaCellMemoryBytes() {
    return byKey(memory().cells(), c -> Integer.toString(c.id()), NumaCell::memoryBytes);
  }

  @Override
  public Map<String, Long> getNumaCellFreeBytes() {
    return byKey(memory().cells(), c -> Integer.toString(c.id()), NumaCell::freeBytes);
  }

  @Override
  public Map<String, String> getNumaCellCpus() {
    return byKey(memory().cells(), c -> Integer.toString(c.id()), c -> joined(c.cpus()));
  }

  @Override
  public Map<String, Long> getNumaDistances() {
    Map<String, Long> out = new TreeMap<>();
    for (NumaCell c : memory().cells()) {
      c.distances().forEach((to, d) -> out.put(c.id() + ":" + to, (long) d));
    }
    return out;
  }

  private static String pageKey(HugePages p) {
    return p.cell() + ":" + p.pageSizeBytes();
  }

  @Override
  public Map<String, Long> getPagesTotal() {
    return byKey(memory().pages(), HostNodeAttributes::pageKey, HugePages::total);
  }

  @Override
  public Map<String, Long> getPagesFree() {
    return byKey(memory().pages(), HostNodeAttributes::pageKey, HugePages::free);
  }

  @Override
  public Map<String, Long> getMemoryStatsBytes() {
    NodeMemory m = memory();
    if (m.equals(NodeMemory.UNKNOWN)) {
      return Map.of();
    }
    return Map.of(
        "total", m.totalBytes(),
        "free", m.freeBytes(),
        "buffers", m.buffersBytes(),
        "cached", m.cachedBytes());
  }

  @Override
  public Map<String, Long> getSharedMemory() {
    return memory().sharedMemory();
  }

  @Override
  public Map<String, Long> getPerCpuTimeNs() {
    Map<String, Long> out = new TreeMap<>();
    List<NodeCpuTimes> cpus = resources().perCpu();
    for (int i = 0; i < cpus.size(); i++) {
      NodeCpuTimes t = cpus.get(i);
      out.put(i + ":user", t.userNs());
      out.put(i + ":system", t.systemNs());
      out.put(i + ":idle", t.idleNs());
      out.put(i + ":iowait", t.iowaitNs());
    }
    return out;
  }

  @Override
  public String getHostCpuArch() {
    return caps().arch();
  }

  @Override
  public String getHostCpuVendor() {
    return caps().cpuVendor();
  }

  @Override
  public String getHostCpuModelName() {
    return caps().cpuModel();
  }

  @Override
  public String[] getHostCpuFeatures() {
    return caps().cpuFeatures().toArray(String[]::new);
  }

  @Override
  public Map<String, Long> getHostCpuTopology() {
    HostCapabilities c = caps();
    if (c.equals(HostCapabilities.UNKNOWN)) {
      return Map.of();
    }
    return Map.of(
        "sockets", (long) c.sockets(),
        "dies", (long) c.dies(),
        "cores", (long) c.cores(),
        "threads", (long) c.threads());
  }

  @Override
  public Map<String, String> getGuestMachineTypes() {
    return byKey(caps().guests(), GuestArch::arch, g -> String.join(",", g.machines()));
  }

  @Override
  public Map<String, Long> getGuestMaxVcpus() {
    return byKey(caps().guests(), GuestArch::arch, g -> (long) g.domainCapabilities().maxVcpus());
  }

  @Override
  public Map<String, String> getGuestDevices() {
    Map<String, String> out = new TreeMap<>();
    for (GuestArch g : caps().guests()) {
      DomainCapabilities d = g.domainCapabilities();
      out.put(g.arch() + ":disk_bus", String.join(",", d.diskBuses()));
      out.put(g.arch() + ":disk_device", String.join(",", d.diskDevices()));
      out.put(g.arch() + ":graphics", String.join(",", d.graphicsTypes()));
      out.put(g.arch() + ":hostdev", String.join(",", d.hostdevTypes()));
      out.put(g.arch() + ":firmware", String.join(",", d.firmware()));
    }
    return out;
  }

  @Override
  public Map<String, String> getHostInterfaces() {
    return byKey(
        resources().interfaces(),
        HostInterface::name,
        i ->
            "mac="
                + i.mac()
                + " type="
                + i.type()
                + " active="
                + i.active()
                + " link="
                + (i.linkState().isEmpty() ? "unknown" : i.linkState()));
  }

  @Override
  public Map<String, Long> getHostInterfaceSpeedBytesPerSecond() {
    return byKey(resources().interfaces(), HostInterface::name, HostInterface::speedBytesPerSecond);
  }

  @Override
  public String[] getNodeDevices() {
    return resources().devices().stream().map(NodeDevice::name).sorted().toArray(String[]::new);
  }

  @Override
  public Map<String, String> getNodeDeviceParents() {
    return byKey(resources().devices(), NodeDevice::name, NodeDevice::parent);
  }

  @Override
  public Map<String, String> getNodeDeviceDetails() {
    return byKey(
        resources().devices(),
        NodeDevice::name,
        d ->
            "capabilities="
                + String.join(",", d.capabilities())
                + " driver="
                + d.driver()
                + " vendor="
                + (d.vendorId() + " " + d.vendor()).strip()
                + " product="
                + (d.productId() + " " + d.product()).strip());
  }

  @Override
  public Map<String, String> getPciDevices() {
    Map<String, String> out = new TreeMap<>();
    for (NodeDevice d : resources().devices()) {
      PciFunction p = d.pci();
      if (!p.equals(PciFunction.NONE)) {
        out.put(
            d.name(),
            "address="
                + p.address()
                + " class="
                + p.pciClass()
                + " iommu_group="
                + (p.iommuGroup() < 0 ? "none" : p.iommuGroup())
                + " physical_function="
                + (p.physicalFunction().isEmpty() ? "none" : p.physicalFunction())
                + " virtual_functions="
                + String.join(",", p.virtualFunctions())
                + " used_by="
                + (p.usedBy().isEmpty() ? "none" : p.usedBy()));
      }
    }
    return out;
  }

  @Override
  public Map<String, Long> getStorageDeviceSizeBytes() {
    return byKey(
        resources().devices().stream().filter(d -> d.sizeBytes() >= 0).toList(),
        NodeDevice::name,
        NodeDevice::sizeBytes);
  }

  @Override
  public Map<String, Long> getMdevAvailableInstances() {
    Map<String, Long> out = new TreeMap<>();
    for (NodeDevice d : resources().devices()) {
      for (MdevType t : d.pci().mdevTypes()) {
        out.put(d.name() + ":" + t.id(), t.availableInstances());
      }
    }
    return out;
  }

  @Override
  public Map<String, String> getNetworkFilters() {
    return byKey(
        resources().filters().filters(), NetworkFilters.Filter::name, NetworkFilters.Filter::uuid);
  }

  @Override
  public Map<String, String> getNetworkFilterBindings() {
    return byKey(
        resources().filters().bindings(),
        NetworkFilters.Binding::portDevice,
        b -> "filter=" + b.filter() + " domain=" + b.ownerDomain());
  }

  @Override
  public Map<String, Long> getSecretsByUsage() {
    Map<String, Long> out = new TreeMap<>();
    resources().secretsByUsage().forEach((k, v) -> out.put(k, (long) v));
    return out;
  }
}
