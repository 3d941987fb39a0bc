package io.virtmx.view.jmx;

/**
 * One disk of a domain: its definition and I/O counters as plain numbers (-1 where not reported)
 * and rates.
 */
@Doc(
    "One disk of a domain: definition, cumulative I/O counters (-1 where not reported) and per-second rates")
public interface DomainDiskMXBean {
  @Doc("Target device in the guest, e.g. vda")
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

  @Doc("Read requests")
  long getReadRequests();

  @Doc(value = "Bytes read", units = "bytes")
  long getReadBytes();

  @Doc(value = "Time spent reading", units = "ns")
  long getReadTimeNs();

  @Doc("Write requests")
  long getWriteRequests();

  @Doc(value = "Bytes written", units = "bytes")
  long getWriteBytes();

  @Doc(value = "Time spent writing", units = "ns")
  long getWriteTimeNs();

  @Doc("Flush requests")
  long getFlushRequests();

  @Doc(value = "Time spent flushing", units = "ns")
  long getFlushTimeNs();

  @Doc("I/O errors")
  long getErrors();

  @Doc(value = "Logical size the guest sees", units = "bytes")
  long getCapacityBytes();

  @Doc(value = "Host storage allocated to the image", units = "bytes")
  long getAllocationBytes();

  @Doc(value = "Physical size of the image on the host", units = "bytes")
  long getPhysicalBytes();

  @Doc(value = "Bytes read per second over the last interval, NaN if unknown", units = "bytes/s")
  double getReadBytesPerSec();

  @Doc(value = "Bytes written per second over the last interval, NaN if unknown", units = "bytes/s")
  double getWriteBytesPerSec();

  @Doc(value = "Read requests per second over the last interval, NaN if unknown", units = "1/s")
  double getReadOpsPerSec();

  @Doc(value = "Write requests per second over the last interval, NaN if unknown", units = "1/s")
  double getWriteOpsPerSec();
}
