package io.virtmx.model;

import java.util.List;

/** Builds a {@link DiskStats}: a virtio qcow2 file disk, no source, nothing measured unless set. */
public final class DiskBuilder {
  private final String target;
  private String bus = "virtio";
  private String type = "file";
  private String device = "disk";
  private String driver = "qcow2";
  private String source = "";
  private long readRequests = -1;
  private long readBytes = -1;
  private long readTimeNs = -1;
  private long writeRequests = -1;
  private long writeBytes = -1;
  private long writeTimeNs = -1;
  private long flushRequests = -1;
  private long flushTimeNs = -1;
  private long errors = -1;
  private long capacity = -1;
  private long allocation = -1;
  private long physical = -1;

  DiskBuilder(String target) {
    this.target = target;
  }

  /** Bus, source type ("file", "block"), device ("disk", "cdrom") and driver format. */
  public DiskBuilder kind(String busName, String sourceType, String deviceKind, String format) {
    bus = busName;
    type = sourceType;
    device = deviceKind;
    driver = format;
    return this;
  }

  public DiskBuilder source(String value) {
    source = value;
    return this;
  }

  public DiskBuilder reads(long requests, long bytes, long timeNs) {
    readRequests = requests;
    readBytes = bytes;
    readTimeNs = timeNs;
    return this;
  }

  public DiskBuilder writes(long requests, long bytes, long timeNs) {
    writeRequests = requests;
    writeBytes = bytes;
    writeTimeNs = timeNs;
    return this;
  }

  public DiskBuilder flushes(long requests, long timeNs) {
    flushRequests = requests;
    flushTimeNs = timeNs;
    return this;
  }

  public DiskBuilder errors(long value) {
    errors = value;
    return this;
  }

  public DiskBuilder sizes(long capacityBytes, long allocationBytes, long physicalBytes) {
    capacity = capacityBytes;
    allocation = allocationBytes;
    physical = physicalBytes;
    return this;
  }

  /** The disk as the collector reads it, before the domain gives it its id. */
  DiskStats.Measured measured() {
    return new DiskStats.Measured(
        new DiskDevice(target, bus, type, device, driver, source),
        new BlockIo(
            readRequests,
            readBytes,
            readTimeNs,
            writeRequests,
            writeBytes,
            writeTimeNs,
            flushRequests,
            flushTimeNs,
            errors),
        new BlockSizes(capacity, allocation, physical));
  }

  /** The disk alone, named as the only disk of a domain. */
  public DiskStats build() {
    return DiskStats.identified(List.of(measured())).get(0);
  }
}
