/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.counter;
import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.Descriptions;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.List;

/**
 * Each disk of a domain, labelled like prometheus-libvirt-exporter's block stats: {@code
 * libvirt_domain_block_stats_read_bytes_total{host,domain,uuid,source_file="/img/a.qcow2",target_device="vda"}}.
 */
final class DiskMetrics implements SnapshotBinder {
  private static final String P = "libvirt_domain_block_stats_";
  static final Family READ_BYTES =
      counter(P + "read_bytes", "bytes", Descriptions.DISK_READ_BYTES + ", in bytes.");
  static final Family READ_REQ =
      counter(P + "read_requests", null, Descriptions.DISK_READ_REQUESTS + ".");
  static final Family WRITE_BYTES =
      counter(P + "write_bytes", "bytes", Descriptions.DISK_WRITE_BYTES + ", in bytes.");
  static final Family WRITE_REQ =
      counter(P + "write_requests", null, Descriptions.DISK_WRITE_REQUESTS + ".");
  static final Family READ_TIME =
      counter(P + "read_seconds", "seconds", Descriptions.DISK_READ_TIME + ", in seconds.");
  static final Family WRITE_TIME =
      counter(P + "write_seconds", "seconds", Descriptions.DISK_WRITE_TIME + ", in seconds.");
  static final Family FLUSH_REQ =
      counter(P + "flush_requests", null, Descriptions.DISK_FLUSH_REQUESTS + ".");
  static final Family FLUSH_TIME =
      counter(P + "flush_seconds", "seconds", Descriptions.DISK_FLUSH_TIME + ", in seconds.");
  static final Family ERRORS = counter(P + "errors", null, Descriptions.DISK_ERRORS + ".");
  static final Family CAPACITY =
      gauge(
          "libvirt_domain_block_capacity_bytes",
          "bytes",
          Descriptions.DISK_CAPACITY + ", in bytes.");
  static final Family ALLOCATION =
      gauge(
          "libvirt_domain_block_allocation_bytes",
          "bytes",
          Descriptions.DISK_ALLOCATION + ", in bytes.");
  static final Family THRESHOLD =
      gauge(
          "libvirt_domain_block_threshold_bytes",
          "bytes",
          Descriptions.DISK_THRESHOLD + ", in bytes.");
  static final Family PHYSICAL =
      gauge(
          "libvirt_domain_block_physical_bytes",
          "bytes",
          Descriptions.DISK_PHYSICAL + ", in bytes.");
  static final Family INFO =
      info(
          "libvirt_domain_block",
          "Block device definition: bus, disk type, device kind, driver format, source.");

  @Override
  public List<Family> families() {
    return List.of(
        READ_BYTES,
        READ_REQ,
        WRITE_BYTES,
        WRITE_REQ,
        READ_TIME,
        WRITE_TIME,
        FLUSH_REQ,
        FLUSH_TIME,
        ERRORS,
        CAPACITY,
        ALLOCATION,
        PHYSICAL,
        THRESHOLD,
        INFO);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      List<DiskStats> disks = d.disks();
      for (DiskStats disk : disks) {
        DiskDevice dev = disk.device();
        Labels l =
            out.domain(d)
                .merge(
                    new String[] {"source_file", "target_device"},
                    new String[] {sourceFile(dev), disk.id()});
        series(disk, l, out);
        out.info(
            INFO,
            l.merge(
                new String[] {"bus", "type", "device", "driver", "source"},
                new String[] {
                  text(dev.bus()),
                  text(dev.type()),
                  text(dev.device()),
                  text(dev.driver()),
                  text(dev.source())
                }));
      }
    }
  }

  private static void series(DiskStats disk, Labels l, SeriesBuffer out) {
    BlockIo io = disk.io();
    BlockSizes sizes = disk.sizes();
    out.reported(READ_BYTES, l, io.readBytes(), 1);
    out.reported(READ_REQ, l, io.readRequests(), 1);
    out.reported(WRITE_BYTES, l, io.writeBytes(), 1);
    out.reported(WRITE_REQ, l, io.writeRequests(), 1);
    out.nanosAsSeconds(READ_TIME, l, io.readTimeNs());
    out.nanosAsSeconds(WRITE_TIME, l, io.writeTimeNs());
    out.reported(FLUSH_REQ, l, io.flushRequests(), 1);
    out.nanosAsSeconds(FLUSH_TIME, l, io.flushTimeNs());
    out.reported(ERRORS, l, io.errors(), 1);
    out.reported(CAPACITY, l, sizes.capacityBytes(), 1);
    out.reported(ALLOCATION, l, sizes.allocationBytes(), 1);
    out.reported(PHYSICAL, l, sizes.physicalBytes(), 1);
    out.reported(THRESHOLD, l, sizes.thresholdBytes(), 1);
  }

  /**
   * The exporter's {@code source_file}: the source of a file-backed disk, empty for other disk
   * types.
   */
  private static String sourceFile(DiskDevice dev) {
    String type = text(dev.type());
    return type.isEmpty() || type.equals("file") ? text(dev.source()) : "";
  }
}
