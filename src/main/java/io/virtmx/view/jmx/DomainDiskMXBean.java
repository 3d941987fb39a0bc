/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.Descriptions;

/**
 * One disk of a domain: its definition and I/O counters as plain numbers (-1 where not reported)
 * and rates.
 */
@Doc(
    "One disk of a domain: definition, cumulative I/O counters (-1 where not reported) and per-second rates")
public interface DomainDiskMXBean {
  @Doc("The disk's id in its domain: its target device in the guest, e.g. vda")
  String getName();

  @Doc("Name of the domain the disk belongs to")
  String getDomain();

  @Doc("Bus, e.g. virtio, sata, scsi")
  String getBus();

  @Doc("Source type: file, block, network, volume…")
  String getType();

  @Doc("Device kind: disk, cdrom, floppy, lun")
  String getDevice();

  @Doc("Image format driver, e.g. qcow2 or raw")
  String getDriver();

  @Doc("Source path, volume or network name")
  String getSource();

  @Doc(Descriptions.DISK_READ_REQUESTS + ", -1 if not reported")
  long getReadRequests();

  @Doc(value = Descriptions.DISK_READ_BYTES + ", -1 if not reported", units = "bytes")
  long getReadBytes();

  @Doc(value = Descriptions.DISK_READ_TIME + ", -1 if not reported", units = "ns")
  long getReadTimeNs();

  @Doc(Descriptions.DISK_WRITE_REQUESTS + ", -1 if not reported")
  long getWriteRequests();

  @Doc(value = Descriptions.DISK_WRITE_BYTES + ", -1 if not reported", units = "bytes")
  long getWriteBytes();

  @Doc(value = Descriptions.DISK_WRITE_TIME + ", -1 if not reported", units = "ns")
  long getWriteTimeNs();

  @Doc(Descriptions.DISK_FLUSH_REQUESTS + ", -1 if not reported")
  long getFlushRequests();

  @Doc(value = Descriptions.DISK_FLUSH_TIME + ", -1 if not reported", units = "ns")
  long getFlushTimeNs();

  @Doc(Descriptions.DISK_ERRORS + ", -1 if not reported")
  long getErrors();

  @Doc(value = Descriptions.DISK_CAPACITY + ", -1 if not reported", units = "bytes")
  long getCapacityBytes();

  @Doc(value = Descriptions.DISK_ALLOCATION + ", -1 if not reported", units = "bytes")
  long getAllocationBytes();

  @Doc(value = Descriptions.DISK_PHYSICAL + ", -1 if not reported", units = "bytes")
  long getPhysicalBytes();

  @Doc(value = Descriptions.DISK_THRESHOLD + ", -1 if none is set", units = "bytes")
  long getThresholdBytes();

  @Doc(value = "Bytes read per second over the last interval, NaN if unknown", units = "bytes/s")
  double getReadBytesPerSec();

  @Doc(value = "Bytes written per second over the last interval, NaN if unknown", units = "bytes/s")
  double getWriteBytesPerSec();

  @Doc(value = "Read requests per second over the last interval, NaN if unknown", units = "1/s")
  double getReadOpsPerSec();

  @Doc(value = "Write requests per second over the last interval, NaN if unknown", units = "1/s")
  double getWriteOpsPerSec();
}
