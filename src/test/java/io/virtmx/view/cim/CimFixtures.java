/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.libvirt.Fixtures;
import io.virtmx.model.DiskBuilder;
import io.virtmx.model.DomainBuilder;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NicBuilder;
import io.virtmx.model.Snapshots;
import java.util.ArrayList;
import java.util.List;

/** Synthetic host snapshots for the CIM view's unit tests. */
final class CimFixtures {
  private CimFixtures() {}

  static DiskBuilder disk(String target, String source) {
    return Snapshots.disk(target)
        .source(source)
        .reads(1, 2, 3)
        .writes(4, 5, 6)
        .flushes(7, 8)
        .errors(0)
        .sizes(10L << 30, 1L << 30, 1L << 30);
  }

  static NicBuilder nic(String target, String mac, String network) {
    return Snapshots.nic(target).mac(mac).network(network).rx(1, 2, 0, 0).tx(3, 4, 0, 0);
  }

  /** Running domains have id 7; 1 GiB of 2, two more vCPUs possible. */
  static DomainBuilder domain(String name, DomainState state, int vcpus) {
    return Snapshots.domain(name)
        .id(state != DomainState.SHUTOFF ? 7 : -1)
        .state(state)
        .os("hvm", "x86_64", "pc-q35-7.2")
        .vcpus(vcpus, vcpus + 2)
        .memoryKib(1_048_576, 2_097_152);
  }

  static HostSnapshot host(String hypervisor, List<DomainSnapshot> domains) {
    return Snapshots.host("hv1")
        .node(
            Snapshots.node("hv1.example.org")
                .hypervisor(hypervisor, 7_002_000, 9_000_000)
                .cpus("Skylake", 8, 2400)
                .topology(1, 1, 4, 2)
                .memoryBytes(32L << 30, 16L << 30))
        .domains(domains)
        .pool(
            Snapshots.pool("images")
                .uuid("p-uuid")
                .sizes(100L << 30, 20L << 30, 80L << 30)
                .path("/var/lib/images")
                .volume(
                    Snapshots.volume("web.qcow2")
                        .path("/var/lib/images/web.qcow2")
                        .sizes(10L << 30, 1L << 30)))
        .network(Snapshots.network("default").uuid("n-uuid").bridge("virbr0").dhcpLeases(1))
        .build();
  }

  /**
   * web (running, 2 vCPUs, a disk in pool images, a NIC on network default, the other devices of
   * domain-qemu.xml) and db (shut off, a bridged NIC).
   */
  static HostSnapshot twoDomains(String hypervisor) {
    List<DomainSnapshot> domains = new ArrayList<>();
    domains.add(
        domain("web", DomainState.RUNNING, 2)
            .disk(disk("vda", "/var/lib/images/web.qcow2"))
            .nic(nic("vnet0", "52:54:00:00:00:01", "default"))
            .devices(Fixtures.QEMU_XML_DEVICES)
            .build());
    domains.add(
        domain("db", DomainState.SHUTOFF, 1)
            .disk(disk("sda", "/srv/db.img"))
            .disk(disk("hdc", ""))
            .nic(Snapshots.nic("").mac("52:54:00:00:00:02").bridge("br0").model("e1000"))
            .build());
    return host(hypervisor, domains);
  }

  /**
   * {@code n} running domains with one disk and one NIC each, as a benchmark or scale test uses.
   */
  static HostSnapshot many(int n) {
    List<DomainSnapshot> domains = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      domains.add(
          domain(String.format("vm%04d", i), DomainState.RUNNING, 2)
              .disk(disk("vda", "/img/" + i))
              .nic(
                  nic(
                      "vnet" + i,
                      String.format("52:54:00:00:%02x:%02x", i / 256, i % 256),
                      "default"))
              .build());
    }
    return host("TEST", domains);
  }
}
