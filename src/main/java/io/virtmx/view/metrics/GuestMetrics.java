/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.GuestAddress;
import io.virtmx.model.GuestFilesystem;
import io.virtmx.model.GuestInsight;
import io.virtmx.model.GuestInterface;
import io.virtmx.model.HostSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What running domains' guest agents report, e.g. {@code
 * libvirt_domain_guest_filesystem_size_bytes{host,domain,uuid,mountpoint="/",fstype="ext4"}} and
 * {@code libvirt_domain_interface_address_info{…,interface="enp1s0",address="198.18.1.1"}};
 * {@code libvirt_domain_guest_agent_up} says 0 for a domain whose agent did not answer, which then
 * has no other guest series but host-known addresses.
 */
final class GuestMetrics implements SnapshotBinder {
  static final Family UP =
      gauge("libvirt_domain_guest_agent_up", null, Descriptions.GUEST_AGENT_UP + ".");
  static final Family SAMPLED =
      gauge(
          "libvirt_domain_guest_sample_timestamp_seconds",
          "seconds",
          Descriptions.GUEST_SAMPLED + ", in seconds since the epoch.");
  static final Family INFO = info("libvirt_domain_guest", Descriptions.GUEST_INFO + ".");
  static final Family USERS = gauge("libvirt_domain_guest_users", null, Descriptions.GUEST_USERS + ".");
  static final Family FS_SIZE =
      gauge(
          "libvirt_domain_guest_filesystem_size_bytes",
          "bytes",
          Descriptions.GUEST_FS_SIZE + ", in bytes.");
  static final Family FS_USED =
      gauge(
          "libvirt_domain_guest_filesystem_used_bytes",
          "bytes",
          Descriptions.GUEST_FS_USED + ", in bytes.");
  static final Family ADDRESS =
      info("libvirt_domain_interface_address", Descriptions.GUEST_ADDRESS + ".");

  @Override
  public List<Family> families() {
    return List.of(UP, SAMPLED, INFO, USERS, FS_SIZE, FS_USED, ADDRESS);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      GuestInsight g = d.guest();
      if (!d.active() || g.agent() == GuestInsight.Agent.UNKNOWN) {
        continue;
      }
      Labels labels = out.domain(d);
      out.value(UP, labels, g.agentUp() ? 1 : 0);
      out.value(SAMPLED, labels, g.sampled().toEpochMilli() / 1e3);
      if (g.agentUp()) {
        out.info(INFO, labels.merge(infoNames(), infoValues(g)));
        out.reported(USERS, labels, g.users(), 1);
        filesystems(g.filesystems(), labels, out);
      }
      addresses(g.interfaces(), labels, out);
    }
  }

  private static String[] infoNames() {
    return new String[] {"os_id", "os_name", "os_version", "kernel", "hostname", "timezone"};
  }

  private static String[] infoValues(GuestInsight g) {
    return new String[] {
      g.os().id(), g.os().name(), g.os().version(), g.os().kernel(), g.hostname(), g.timezone()
    };
  }

  /** One series per mount point (the first the agent listed when one is mounted over). */
  private static void filesystems(List<GuestFilesystem> all, Labels labels, SeriesBuffer out) {
    Set<String> seen = new HashSet<>();
    for (GuestFilesystem fs : all) {
      if (!seen.add(fs.mountPoint())) {
        continue;
      }
      Labels l =
          labels.merge(
              new String[] {"mountpoint", "fstype", "devices"},
              new String[] {fs.mountPoint(), fs.type(), String.join(",", fs.devices())});
      out.reported(FS_SIZE, l, fs.totalBytes(), 1);
      out.reported(FS_USED, l, fs.usedBytes(), 1);
    }
  }

  private static void addresses(List<GuestInterface> all, Labels labels, SeriesBuffer out) {
    Set<String> seen = new HashSet<>();
    for (GuestInterface i : all) {
      for (GuestAddress a : i.addresses()) {
        if (seen.add(i.name() + "/" + a.address())) {
          out.info(
              ADDRESS,
              labels.merge(
                  new String[] {"interface", "mac", "family", "address", "prefix", "source"},
                  new String[] {
                    i.name(),
                    i.mac(),
                    a.type(),
                    a.address(),
                    Integer.toString(a.prefix()),
                    i.source()
                  }));
        }
      }
    }
  }
}
