/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static javax.management.MBeanOperationInfo.ACTION;
import static javax.management.MBeanOperationInfo.INFO;

import io.virtmx.model.Descriptions;
import java.util.Map;

/**
 * A libvirt domain (virtual machine): identity, state, resources and statistics from the latest
 * snapshot, and every lifecycle operation. Counters are -1 when libvirt does not report them, rates
 * NaN until two samples exist.
 */
@Doc(
    "A libvirt domain (virtual machine): state, vCPUs, memory, CPU and balloon statistics, lifecycle operations. "
        + "Emits libvirt.domain.lifecycle.* notifications and an attribute change notification when State changes")
public interface DomainMXBean extends DomainChangeOperations {
  @Doc("Domain name")
  String getName();

  @Doc("Domain UUID")
  String getUuid();

  @Doc("Name of the host the domain is on")
  String getHost();

  @Doc("Domain ID while running, -1 when not")
  int getId();

  @Doc("State as virsh domstate prints it: running, paused, shut off, crashed…")
  String getState();

  @Doc("State as libvirt's virDomainState code (1 running, 3 paused, 5 shut off…)")
  int getStateCode();

  @Doc("Reason code of the state as libvirt reports it (virDomain*Reason of the state)")
  int getStateReason();

  @Doc("Whether the domain is running (has an ID)")
  boolean isActive();

  @Doc("Whether the domain has a persistent definition (false for transient domains)")
  boolean isPersistent();

  @Doc("Whether the domain starts with the host; change with setAutostart")
  boolean isAutostart();

  @Doc("OS type, e.g. hvm")
  String getOsType();

  @Doc("Guest architecture, e.g. x86_64")
  String getArch();

  @Doc("Machine type, e.g. pc-q35-7.2")
  String getMachine();

  @Doc("The definition's <title>, empty if none")
  String getTitle();

  @Doc("The definition's <description>, empty if none")
  String getDescription();

  @Doc(Descriptions.DOMAIN_METADATA + ", label name to value")
  Map<String, String> getLabels();

  @Doc(
      "Whether the guest agent answered when last asked: up, down (no answer within --guest-timeout,"
          + " or an error) or unknown (not running, not asked yet)")
  String getGuestAgent();

  @Doc(value = Descriptions.GUEST_SAMPLED + ", 0 if never", units = "ms since the epoch")
  long getGuestSampledMillis();

  @Doc("Guest OS id as its agent reports it, e.g. debian; empty if unknown")
  String getGuestOsId();

  @Doc("Guest OS name as its agent reports it, e.g. Debian GNU/Linux 12 (bookworm)")
  String getGuestOsName();

  @Doc("Guest OS version as its agent reports it, e.g. 12")
  String getGuestOsVersion();

  @Doc("Guest kernel release as its agent reports it, e.g. 6.1.0-18-amd64")
  String getGuestKernel();

  @Doc("Guest hostname as its agent reports it")
  String getGuestHostname();

  @Doc("Guest timezone as its agent reports it")
  String getGuestTimezone();

  @Doc(Descriptions.GUEST_USERS + ", -1 if not reported")
  long getGuestUsers();

  @Doc(value = Descriptions.GUEST_FS_SIZE + ", by mount point", units = "bytes")
  Map<String, Long> getGuestFilesystemSizeBytes();

  @Doc(value = Descriptions.GUEST_FS_USED + ", by mount point", units = "bytes")
  Map<String, Long> getGuestFilesystemUsedBytes();

  @Doc(Descriptions.PERF_EVENT + "s, by event name (only with perf events enabled)")
  Map<String, Long> getPerfEvents();

  @Doc(value = Descriptions.IOTHREAD_POLL_MAX + ", by IOThread id", units = "ns")
  Map<String, Long> getIoThreadPollMaxNs();

  @Doc(
      Descriptions.GUEST_ADDRESS
          + ": interface name to its addresses, address/prefix comma-separated")
  Map<String, String> getGuestAddresses();

  @Doc(Descriptions.DOMAIN_VCPUS_CURRENT)
  int getVcpus();

  @Doc(Descriptions.DOMAIN_VCPUS_MAXIMUM)
  int getVcpusMax();

  @Doc(
      Descriptions.DOMAIN_VCPU_PINNING
          + ": vCPU number to its host CPUs (\"0-3,6\"); a vCPU not listed may run on any")
  Map<String, String> getVcpuPinning();

  @Doc(value = Descriptions.DOMAIN_MEMORY_CURRENT, units = "KiB")
  long getMemoryKib();

  @Doc(value = Descriptions.DOMAIN_MEMORY_MAXIMUM, units = "KiB")
  long getMaxMemoryKib();

  @Doc(value = Descriptions.DOMAIN_CPU_TIME + ", -1 if not reported", units = "ns")
  long getCpuTimeNs();

  @Doc(value = Descriptions.DOMAIN_CPU_USER + ", -1 if not reported", units = "ns")
  long getCpuUserNs();

  @Doc(value = Descriptions.DOMAIN_CPU_SYSTEM + ", -1 if not reported", units = "ns")
  long getCpuSystemNs();

  @Doc(
      value =
          "CPU use over the last interval as a percentage of one host core (above 100 with several vCPUs)",
      units = "percent")
  double getCpuPercent();

  @Doc(
      value = "CPU use over the last interval as a percentage of the domain's vCPUs (0-100)",
      units = "percent")
  double getCpuPercentOfVcpus();

  @Doc(value = Descriptions.BALLOON_ACTUAL + ", -1 if not reported", units = "KiB")
  long getBalloonActualKib();

  @Doc(value = Descriptions.BALLOON_MAXIMUM + ", -1 if not reported", units = "KiB")
  long getBalloonMaximumKib();

  @Doc(value = Descriptions.BALLOON_UNUSED + ", -1 if not reported", units = "KiB")
  long getBalloonUnusedKib();

  @Doc(value = Descriptions.BALLOON_AVAILABLE + ", -1 if not reported", units = "KiB")
  long getBalloonAvailableKib();

  @Doc(value = Descriptions.BALLOON_USABLE + ", -1 if not reported", units = "KiB")
  long getBalloonUsableKib();

  @Doc(value = Descriptions.BALLOON_RSS + ", -1 if not reported", units = "KiB")
  long getBalloonRssKib();

  @Doc(value = Descriptions.BALLOON_SWAP_IN + ", -1 if not reported", units = "KiB")
  long getBalloonSwapInKib();

  @Doc(value = Descriptions.BALLOON_SWAP_OUT + ", -1 if not reported", units = "KiB")
  long getBalloonSwapOutKib();

  @Doc(Descriptions.BALLOON_MAJOR_FAULTS + ", -1 if not reported")
  long getBalloonMajorFaults();

  @Doc(Descriptions.BALLOON_MINOR_FAULTS + ", -1 if not reported")
  long getBalloonMinorFaults();

  @Doc(value = Descriptions.BALLOON_DISK_CACHES + ", -1 if not reported", units = "KiB")
  long getBalloonDiskCachesKib();

  @Doc(value = Descriptions.BALLOON_USED_PERCENT + ", NaN if not reported", units = "percent")
  double getGuestMemoryUsedPercent();

  @Doc("Number of disks")
  int getDiskCount();

  @Doc("Disk targets (vda, sdb…); each disk has a DomainDisk MBean")
  String[] getDisks();

  @Doc(value = "Bytes read per second over all disks, NaN if unknown", units = "bytes/s")
  double getDiskReadBytesPerSec();

  @Doc(value = "Bytes written per second over all disks, NaN if unknown", units = "bytes/s")
  double getDiskWriteBytesPerSec();

  @Doc("Number of network interfaces")
  int getInterfaceCount();

  @Doc(
      "Interface targets (vnet0…) or MAC addresses while not running; each running one has a DomainInterface MBean")
  String[] getInterfaces();

  @Doc(value = "Bytes received per second over all interfaces, NaN if unknown", units = "bytes/s")
  double getNetRxBytesPerSec();

  @Doc(value = "Bytes sent per second over all interfaces, NaN if unknown", units = "bytes/s")
  double getNetTxBytesPerSec();

  @Doc("Whether a background job (migration, managed save…) is running")
  boolean isJobRunning();

  @Doc(value = "Elapsed time of the running job, 0 if none", units = "ms")
  long getJobElapsedMillis();

  @Doc("Type of the background job: none, bounded, unbounded, completed, failed, cancelled")
  String getJobType();

  @Doc(value = Descriptions.JOB_DATA_TOTAL + ", -1 if not reported", units = "bytes")
  long getJobDataTotalBytes();

  @Doc(value = Descriptions.JOB_DATA_PROCESSED + ", -1 if not reported", units = "bytes")
  long getJobDataProcessedBytes();

  @Doc(value = Descriptions.JOB_DATA_REMAINING + ", -1 if not reported", units = "bytes")
  long getJobDataRemainingBytes();

  @Doc(
      value = Descriptions.JOB_PROGRESS + " (0-100), NaN when no job runs",
      units = "percent")
  double getJobProgressPercent();

  @Doc(value = Descriptions.JOB_MEMORY_TOTAL + ", -1 if not reported", units = "bytes")
  long getJobMemoryTotalBytes();

  @Doc(value = Descriptions.JOB_MEMORY_PROCESSED + ", -1 if not reported", units = "bytes")
  long getJobMemoryProcessedBytes();

  @Doc(value = Descriptions.JOB_MEMORY_REMAINING + ", -1 if not reported", units = "bytes")
  long getJobMemoryRemainingBytes();

  @Doc(value = Descriptions.JOB_MEMORY_DIRTY_RATE + ", -1 if not reported", units = "bytes/s")
  long getJobMemoryDirtyRateBytesPerSec();

  @Doc(Descriptions.JOB_ITERATION + ", -1 if not reported")
  long getJobIteration();

  @Doc(value = Descriptions.JOB_EXPECTED_DOWNTIME + ", -1 if not reported", units = "ms")
  long getJobExpectedDowntimeMillis();

  @Doc(value = Descriptions.JOB_DISK_TOTAL + ", -1 if not reported", units = "bytes")
  long getJobDiskTotalBytes();

  @Doc(value = Descriptions.JOB_DISK_PROCESSED + ", -1 if not reported", units = "bytes")
  long getJobDiskProcessedBytes();

  @Doc("When these values were sampled, ISO-8601")
  String getSampledAt();

  @Doc("Starts (boots) the defined domain")
  void start();

  @Doc("Asks the guest OS to shut down (ACPI); returns once libvirt has sent the request")
  void shutdown();

  @Doc("Asks the guest OS to reboot")
  void reboot();

  @Doc("Resets the domain immediately, like the reset button, without asking the guest")
  void reset();

  @Doc("Stops the domain immediately, like pulling the plug (virsh destroy)")
  void destroy();

  @Doc("Pauses the domain's vCPUs")
  void suspend();

  @Doc("Resumes a paused domain")
  void resume();

  @Doc(
      "Saves the domain's memory to a libvirt-managed file and stops it; the next start restores it")
  void managedSave();

  @Doc("Removes the domain's managed save image")
  void managedSaveRemove();

  @Doc(value = "Sets the current memory (balloon target) of the domain", operation = true)
  void setMemory(@Param(name = "kib", value = "New current memory", units = "KiB") long kib);

  @Doc(value = "Sets the maximum memory of the domain", operation = true)
  void setMaxMemory(@Param(name = "kib", value = "New maximum memory", units = "KiB") long kib);

  @Doc(value = "Sets the number of vCPUs in use", operation = true)
  void setVcpus(@Param(name = "count", value = "New vCPU count") int count);

  @Doc(value = "Sets whether the domain starts with the host", operation = true)
  void setAutostart(
      @Param(name = "autostart", value = "true to start with the host") boolean autostart);

  @Doc("Creates a snapshot of the domain")
  void createSnapshot(
      @Param(name = "name", value = "Snapshot name") String name,
      @Param(name = "description", value = "Free text description, may be empty")
          String description);

  @Doc("Reverts the domain to a snapshot")
  void revertToSnapshot(@Param(name = "name", value = "Snapshot name") String name);

  @Doc("Deletes a snapshot (its children are kept)")
  void deleteSnapshot(@Param(name = "name", value = "Snapshot name") String name);

  @Doc(value = "Names of the domain's snapshots", impact = INFO)
  String[] listSnapshots();

  @Doc(
      value =
          "Migrates the running domain peer-to-peer (the source libvirtd connects to the destination "
              + "URI itself) to another libvirt host, keeping its definition there and removing it "
              + "here; returns when the migration has finished. Job attributes show its progress; "
              + "libvirt.domain.migration.started/completed/failed notifications are sent",
      impact = ACTION)
  void migrate(
      @Param(
              name = "destinationUri",
              value = "libvirt URI of the destination as the source libvirtd reaches it, e.g. "
                  + "qemu+tls://hv2/system or qemu+ssh://root@hv2/system")
          String destinationUri,
      @Param(
              name = "dataAddress",
              value = "Address the destination listens on for the migration data and disk copy; "
                  + "empty for the host of the destination URI")
          String dataAddress,
      @Param(name = "live", value = "true to migrate while the domain keeps running") boolean live,
      @Param(
              name = "storage",
              value = "Disks to copy: none (shared storage), all, or incremental")
          String storage,
      @Param(name = "bandwidthMiBps", value = "Bandwidth limit, 0 for unlimited", units = "MiB/s")
          long bandwidthMiBps);

  @Doc(
      "Aborts the domain's running background job (a migration stops, the domain keeps running here)")
  void abortJob();

  @Doc(
      value = "The domain's libvirt XML definition as libvirt returns it now",
      impact = INFO,
      operation = true)
  String getXmlDescription();

  @Doc("Removes the domain's persistent definition (a running domain keeps running as transient)")
  void undefine();
}
