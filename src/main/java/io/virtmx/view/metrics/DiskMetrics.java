/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.info;
import static io.virtmx.view.metrics.Measured.counter;
import static io.virtmx.view.metrics.Measured.gauge;
import static io.virtmx.view.metrics.Measured.seconds;
import static io.virtmx.view.metrics.NodeMetrics.text;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Each disk of a domain, labelled like prometheus-libvirt-exporter's block stats: {@code
 * libvirt_domain_block_stats_read_bytes_total{host,domain,uuid,source_file="/img/a.qcow2",target_device="vda"}}.
 */
final class DiskMetrics implements SnapshotBinder {
  private static final String P = "libvirt_domain_block_stats_";
  static final List<Measured<DiskStats>> SERIES =
      List.of(
          counter(P + "read_bytes", "bytes", Descriptions.DISK_READ_BYTES + ", in bytes.", d -> d.io().readBytes()),
          counter(P + "read_requests", null, Descriptions.DISK_READ_REQUESTS + ".", d -> d.io().readRequests()),
          counter(P + "write_bytes", "bytes", Descriptions.DISK_WRITE_BYTES + ", in bytes.", d -> d.io().writeBytes()),
          counter(P + "write_requests", null, Descriptions.DISK_WRITE_REQUESTS + ".", d -> d.io().writeRequests()),
          seconds(P + "read_seconds", Descriptions.DISK_READ_TIME + ", in seconds.", d -> d.io().readTimeNs()),
          seconds(P + "write_seconds", Descriptions.DISK_WRITE_TIME + ", in seconds.", d -> d.io().writeTimeNs()),
          counter(P + "flush_requests", null, Descriptions.DISK_FLUSH_REQUESTS + ".", d -> d.io().flushRequests()),
          seconds(P + "flush_seconds", Descriptions.DISK_FLUSH_TIME + ", in seconds.", d -> d.io().flushTimeNs()),
          counter(P + "errors", null, Descriptions.DISK_ERRORS + ".", d -> d.io().errors()),
          gauge("libvirt_domain_block_capacity_bytes", "bytes", Descriptions.DISK_CAPACITY + ", in bytes.", d -> d.sizes().capacityBytes()),
          gauge("libvirt_domain_block_allocation_bytes", "bytes", Descriptions.DISK_ALLOCATION + ", in bytes.", d -> d.sizes().allocationBytes()),
          gauge("libvirt_domain_block_physical_bytes", "bytes", Descriptions.DISK_PHYSICAL + ", in bytes.", d -> d.sizes().physicalBytes()),
          gauge("libvirt_domain_block_threshold_bytes", "bytes", Descriptions.DISK_THRESHOLD + ", in bytes.", d -> d.sizes().thresholdBytes()));
  static final Family INFO =
      info(
          "libvirt_domain_block",
          "Block device definition: bus, disk type, device kind, driver format, source.");

  @Override
  public List<Family> families() {
    List<Family> all = new ArrayList<>(Measured.families(SERIES));
    all.add(INFO);
    return all;
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
        SERIES.forEach(m -> m.write(out, l, disk));
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

  /**
   * The exporter's {@code source_file}: the source of a file-backed disk, empty for other disk
   * types.
   */
  private static String sourceFile(DiskDevice dev) {
    String type = text(dev.type());
    return type.isEmpty() || type.equals("file") ? text(dev.source()) : "";
  }
}
