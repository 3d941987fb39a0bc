/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * What each value of the model means, said once and used by every view that describes it: the
 * metrics view appends its unit ("…, in bytes."), the JMX view its not-reported marker ("…, -1 if
 * not reported"). Compile-time constants, so annotations can use them. Sentences start with a
 * capital and have no final stop.
 */
public final class Descriptions {
  private Descriptions() {}

  // Domain
  public static final String DOMAIN_MEMORY_MAXIMUM = "Maximum allowed memory of the domain";
  public static final String DOMAIN_MEMORY_CURRENT = "Memory usage of the domain";
  public static final String DOMAIN_CPU_TIME = "Amount of CPU time used by the domain";
  public static final String DOMAIN_CPU_USER = "CPU time the domain spent in user mode";
  public static final String DOMAIN_CPU_SYSTEM = "CPU time the domain spent in system mode";
  public static final String DOMAIN_VCPUS_CURRENT = "Current number of vCPUs";
  public static final String DOMAIN_VCPUS_MAXIMUM = "Maximum number of vCPUs";
  public static final String DOMAIN_VCPU_PINNING =
      "Host CPUs each vCPU may run on, as the domain's definition pins them (<vcpu cpuset>, "
          + "<cputune><vcpupin>; the live definition while it runs)";

  // Memory balloon (virDomainMemoryStats)
  public static final String BALLOON_ACTUAL = "Current balloon size";
  public static final String BALLOON_MAXIMUM = "Maximum memory the balloon may reach";
  public static final String BALLOON_UNUSED = "Memory the guest leaves unused";
  public static final String BALLOON_AVAILABLE = "Memory the guest sees as total";
  public static final String BALLOON_USABLE =
      "Memory the guest could use without swapping (free plus reclaimable caches)";
  public static final String BALLOON_RSS = "Resident set size of the domain's process on the host";
  public static final String BALLOON_DISK_CACHES =
      "Guest memory that can be reclaimed from disk caches";
  public static final String BALLOON_SWAP_IN = "Memory swapped in by the guest";
  public static final String BALLOON_SWAP_OUT = "Memory swapped out by the guest";
  public static final String BALLOON_MAJOR_FAULTS = "Page faults of the guest that needed disk I/O";
  public static final String BALLOON_MINOR_FAULTS = "Page faults of the guest without disk I/O";
  public static final String BALLOON_USED_PERCENT =
      "Guest memory in use (available minus unused) as a percentage of available";

  // Disk (BlockIo, BlockSizes)
  public static final String DISK_READ_BYTES = "Number of bytes read from a block device";
  public static final String DISK_READ_REQUESTS = "Number of read requests from a block device";
  public static final String DISK_WRITE_BYTES = "Number of bytes written from a block device";
  public static final String DISK_WRITE_REQUESTS = "Number of write requests from a block device";
  public static final String DISK_READ_TIME = "Time spent reading from a block device";
  public static final String DISK_WRITE_TIME = "Time spent writing to a block device";
  public static final String DISK_FLUSH_REQUESTS = "Number of flush requests to a block device";
  public static final String DISK_FLUSH_TIME = "Time spent flushing a block device";
  public static final String DISK_ERRORS = "Number of I/O errors of a block device";
  public static final String DISK_CAPACITY = "Logical size of a block device as the guest sees it";
  public static final String DISK_ALLOCATION = "Host storage allocated to a block device";
  public static final String DISK_PHYSICAL =
      "Physical size of a block device's host storage (file size or device size)";

  // Network interface (NetIo)
  public static final String NIC_RX_BYTES = "Number of bytes received on a network interface";
  public static final String NIC_RX_PACKETS = "Number of packets received on a network interface";
  public static final String NIC_RX_ERRORS =
      "Number of packet receive errors on a network interface";
  public static final String NIC_RX_DROPS = "Number of packet receive drops on a network interface";
  public static final String NIC_TX_BYTES = "Number of bytes transmitted on a network interface";
  public static final String NIC_TX_PACKETS =
      "Number of packets transmitted on a network interface";
  public static final String NIC_TX_ERRORS =
      "Number of packet transmit errors on a network interface";
  public static final String NIC_TX_DROPS =
      "Number of packet transmit drops on a network interface";

  // Node
  public static final String NODE_CPUS = "Number of active host CPUs";
  public static final String NODE_MEMORY_TOTAL = "Host memory";
  public static final String NODE_MEMORY_FREE = "Free host memory";

  // Node resources
  public static final String NUMA_CELL_MEMORY = "Memory of the NUMA cell";
  public static final String NUMA_CELL_FREE = "Free memory of the NUMA cell";
  public static final String NUMA_CELL_CPUS = "Host CPUs of the NUMA cell";
  public static final String NUMA_DISTANCE = "Distance from one NUMA cell to another";
  public static final String PAGES_TOTAL = "Pages of one size in a NUMA cell";
  public static final String PAGES_FREE = "Free pages of one size in a NUMA cell";
  public static final String NODE_MEMORY_STATS =
      "Host memory statistics by type (total, free, buffers, cached)";
  public static final String KSM_PAGES =
      "Pages kernel same-page merging holds, by state (shared, sharing, unshared, volatile)";
  public static final String KSM_FULL_SCANS = "Full scans kernel same-page merging has made";
  public static final String KSM_SETTINGS =
      "Kernel same-page merging settings (pages_to_scan, sleep_millisecs, merge_across_nodes)";
  public static final String NODE_CPU_TIME_PER_CPU = "Cumulative time of one host CPU by mode";
  public static final String HOST_CPU = "The host CPU: architecture, model, vendor and topology";
  public static final String HOST_CPU_FEATURES = "Features of the host CPU";
  public static final String GUEST_MACHINES = "Machine types of a guest architecture";
  public static final String GUEST_MAX_VCPUS =
      "Maximum vCPUs of a domain of a guest architecture on its default machine type";
  public static final String GUEST_DEVICES =
      "What a domain of a guest architecture may use: disk buses and devices, graphics, host-device"
          + " types, firmware";
  public static final String HOST_INTERFACE = "A host network interface: MAC and type";
  public static final String HOST_INTERFACE_ACTIVE = "Whether the host interface is active";
  public static final String HOST_INTERFACE_SPEED = "Link speed of the host interface";
  public static final String HOST_INTERFACE_LINK_UP = "Whether the host interface's link is up";
  public static final String NODE_DEVICE =
      "A node device: parent, capability, driver, vendor and product";
  public static final String NODE_DEVICES = "Node devices by capability type";
  public static final String NODE_DEVICE_PCI =
      "A PCI node device: address, class, IOMMU group, SR-IOV physical function and the domain "
          + "whose definition passes it through (used_by, empty if none)";
  public static final String NODE_DEVICE_VFS = "SR-IOV virtual functions of a PCI node device";
  public static final String NODE_DEVICE_MDEV_AVAILABLE =
      "Mediated devices of a type a node device can still create";
  public static final String NODE_DEVICE_STORAGE_SIZE = "Size of a storage node device";
  public static final String NWFILTER = "A network filter";
  public static final String NWFILTER_BINDING =
      "A network filter bound to a domain interface's port device";
  public static final String SECRETS = "Secrets by usage type (values are never read)";

  // Storage pool, volume, network
  public static final String POOL_CAPACITY = "Size of the pool";
  public static final String POOL_ALLOCATION = "Space allocated in the pool";
  public static final String POOL_AVAILABLE = "Free space in the pool";
  public static final String VOLUME_CAPACITY = "Logical size of the volume";
  public static final String VOLUME_ALLOCATION = "Host storage allocated to the volume";
  public static final String NETWORK_DHCP_LEASES = "Current DHCP leases of the network";

  public static final String VCPU_HALTED = "Whether the vCPU is halted (1) or not (0)";
  public static final String DISK_THRESHOLD =
      "Write threshold of a block device: libvirt raises BLOCK_THRESHOLD when the image grows past it";
  public static final String PERF_EVENT = "Count of a perf event of the domain's process";
  public static final String IOTHREAD_POLL_MAX =
      "Longest time an IOThread polls before it sleeps (0: QEMU's default)";
  public static final String IOTHREAD_POLL_GROW =
      "Factor an IOThread grows its polling time by (0: QEMU's default)";
  public static final String IOTHREAD_POLL_SHRINK =
      "Divisor an IOThread shrinks its polling time by (0: QEMU's default)";

  // Guest agent (GuestInsight) and metadata (DomainMetadata)
  public static final String GUEST_AGENT_UP =
      "Whether the domain's guest agent answered when last asked (1) or not (0)";
  public static final String GUEST_SAMPLED = "When the guest agent was last asked";
  public static final String GUEST_USERS = "Number of users logged in to the guest";
  public static final String GUEST_FS_SIZE = "Size of a file system inside the guest";
  public static final String GUEST_FS_USED = "Space used on a file system inside the guest";
  public static final String GUEST_INFO =
      "Guest operating system (id, name, version, kernel), hostname and timezone as its agent"
          + " reports them";
  public static final String GUEST_ADDRESS =
      "An IP address of a guest interface, from the guest agent, else DHCP leases, else ARP";
  public static final String DOMAIN_METADATA =
      "Labels read from the domain's metadata: OpenStack Nova's and those mapped with --label";

  // Background job of a domain (migration, save, dump)
  public static final String JOB_DATA_TOTAL = "Data the current background job has to process";
  public static final String JOB_DATA_PROCESSED =
      "Data the current background job has processed";
  public static final String JOB_DATA_REMAINING =
      "Data the current background job still has to process";
  public static final String JOB_PROGRESS =
      "Share of the current background job's data total no longer remaining";
  public static final String JOB_MEMORY_TOTAL = "Guest memory the current migration has to copy";
  public static final String JOB_MEMORY_PROCESSED = "Guest memory the current migration has copied";
  public static final String JOB_MEMORY_REMAINING =
      "Guest memory the current migration still has to copy";
  public static final String JOB_MEMORY_DIRTY_RATE =
      "Rate at which the guest dirties memory during the current migration";
  public static final String JOB_ITERATION =
      "Pass over guest memory the current migration is in (1 is the first full copy)";
  public static final String JOB_EXPECTED_DOWNTIME =
      "Downtime the hypervisor expects when the current migration switches over";
  public static final String JOB_DISK_TOTAL = "Disk data the current migration has to copy";
  public static final String JOB_DISK_PROCESSED = "Disk data the current migration has copied";
}
