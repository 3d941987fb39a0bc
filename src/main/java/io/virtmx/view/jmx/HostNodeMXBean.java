/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static javax.management.MBeanOperationInfo.ACTION;

import io.virtmx.model.Descriptions;
import java.util.Map;

/**
 * The node's resources on the Host MBean: NUMA cells, pages, memory statistics, capabilities, host
 * interfaces, node devices, network filters and secrets, keyed by cell, architecture or name; and
 * the operations on node devices and host interfaces. A map is empty when its collector is off.
 */
public interface HostNodeMXBean {
  @Doc(value = Descriptions.NUMA_CELL_MEMORY + ", by cell id", units = "bytes")
  Map<String, Long> getNumaCellMemoryBytes();

  @Doc(value = Descriptions.NUMA_CELL_FREE + ", by cell id, -1 if not reported", units = "bytes")
  Map<String, Long> getNumaCellFreeBytes();

  @Doc(Descriptions.NUMA_CELL_CPUS + ", by cell id, comma-separated CPU ids")
  Map<String, String> getNumaCellCpus();

  @Doc(Descriptions.NUMA_DISTANCE + ", keyed FROM:TO cell ids")
  Map<String, Long> getNumaDistances();

  @Doc(Descriptions.PAGES_TOTAL + ", keyed CELL:PAGE_SIZE_BYTES")
  Map<String, Long> getPagesTotal();

  @Doc(Descriptions.PAGES_FREE + ", keyed CELL:PAGE_SIZE_BYTES, -1 if not reported")
  Map<String, Long> getPagesFree();

  @Doc(value = Descriptions.NODE_MEMORY_STATS, units = "bytes")
  Map<String, Long> getMemoryStatsBytes();

  @Doc(
      "Kernel same-page merging (virNodeGetMemoryParameters without the shm_ prefix): "
          + "pages_shared, pages_sharing, pages_unshared, pages_volatile, full_scans, settings")
  Map<String, Long> getSharedMemory();

  @Doc(
      value =
          Descriptions.NODE_CPU_TIME_PER_CPU
              + ", keyed CPU:MODE (user, system, idle, iowait); empty unless the cpus collector is on",
      units = "ns")
  Map<String, Long> getPerCpuTimeNs();

  @Doc(Descriptions.HOST_CPU + ": architecture")
  String getHostCpuArch();

  @Doc(Descriptions.HOST_CPU + ": vendor")
  String getHostCpuVendor();

  @Doc(Descriptions.HOST_CPU + ": model as the capabilities name it")
  String getHostCpuModelName();

  @Doc(Descriptions.HOST_CPU_FEATURES)
  String[] getHostCpuFeatures();

  @Doc(Descriptions.HOST_CPU + ": sockets, dies, cores, threads, -1 if not reported")
  Map<String, Long> getHostCpuTopology();

  @Doc(Descriptions.GUEST_MACHINES + ", by architecture, comma-separated")
  Map<String, String> getGuestMachineTypes();

  @Doc(Descriptions.GUEST_MAX_VCPUS + ", by architecture, -1 if not reported")
  Map<String, Long> getGuestMaxVcpus();

  @Doc(Descriptions.GUEST_DEVICES + ", keyed ARCH:KIND (disk_bus, disk_device, graphics, hostdev, firmware)")
  Map<String, String> getGuestDevices();

  @Doc("Host interfaces by name: MAC, type, active, link state")
  Map<String, String> getHostInterfaces();

  @Doc(value = Descriptions.HOST_INTERFACE_SPEED + ", by name, -1 if not reported", units = "bytes/s")
  Map<String, Long> getHostInterfaceSpeedBytesPerSecond();

  @Doc("Node device names, as virsh nodedev-list lists them")
  String[] getNodeDevices();

  @Doc("Parent of each node device, as virsh nodedev-list --tree draws it")
  Map<String, String> getNodeDeviceParents();

  @Doc(Descriptions.NODE_DEVICE + ", by device name")
  Map<String, String> getNodeDeviceDetails();

  @Doc(Descriptions.NODE_DEVICE_PCI + ", by device name")
  Map<String, String> getPciDevices();

  @Doc(value = Descriptions.NODE_DEVICE_STORAGE_SIZE + ", by device name", units = "bytes")
  Map<String, Long> getStorageDeviceSizeBytes();

  @Doc(Descriptions.NODE_DEVICE_MDEV_AVAILABLE + ", keyed DEVICE:MDEV_TYPE")
  Map<String, Long> getMdevAvailableInstances();

  @Doc(Descriptions.NWFILTER + ": UUID by name")
  Map<String, String> getNetworkFilters();

  @Doc(Descriptions.NWFILTER_BINDING + ": filter and domain by port device")
  Map<String, String> getNetworkFilterBindings();

  @Doc(Descriptions.SECRETS)
  Map<String, Long> getSecretsByUsage();

  @Doc(
      value = "Detaches a PCI node device from its host driver for passthrough (operators only)",
      impact = ACTION)
  void detachNodeDevice(@Param(name = "device", value = "Node device name") String device);

  @Doc(value = "Gives a detached PCI node device back to its host driver", impact = ACTION)
  void reattachNodeDevice(@Param(name = "device", value = "Node device name") String device);

  @Doc(value = "Resets a PCI node device", impact = ACTION)
  void resetNodeDevice(@Param(name = "device", value = "Node device name") String device);

  @Doc(value = "Starts a host interface, where libvirt's interface driver can", impact = ACTION)
  void startHostInterface(@Param(name = "interface", value = "Interface name") String iface);

  @Doc(value = "Stops a host interface, where libvirt's interface driver can", impact = ACTION)
  void stopHostInterface(@Param(name = "interface", value = "Interface name") String iface);
}
