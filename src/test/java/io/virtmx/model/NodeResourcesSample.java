/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Map;

/** A node with one of every resource, two NUMA cells and an SR-IOV NIC, for view tests. */
public final class NodeResourcesSample {
  private NodeResourcesSample() {}

  public static NodeResources twoCells() {
    NodeMemory memory =
        new NodeMemory(
            List.of(
                new NumaCell(0, 8L << 30, 2L << 30, List.of(0, 1), Map.of(0, 10, 1, 21)),
                new NumaCell(1, 8L << 30, 3L << 30, List.of(2, 3), Map.of(0, 21, 1, 10))),
            List.of(new HugePages(0, 2L << 20, 512, 100), new HugePages(1, 2L << 20, 512, -1)),
            16L << 30,
            5L << 30,
            1L << 20,
            2L << 20,
            Map.of("pages_shared", 7L, "full_scans", 3L, "pages_to_scan", 100L));
    DomainCapabilities x86 =
        new DomainCapabilities(
            "pc-q35-7.2", "kvm", 288, List.of("virtio"), List.of("disk"), List.of("vnc"),
            List.of("pci"), List.of("efi"));
    HostCapabilities caps =
        new HostCapabilities(
            "x86_64", "Skylake", "Intel", List.of("vmx"), 2, 1, 2, 1,
            List.of(new GuestArch("x86_64", "hvm", List.of("pc", "q35"), List.of("kvm"), x86)));
    PciFunction pf =
        new PciFunction(
            "0000:3b:00.0", "0x020000", 40, "", List.of("0000:3b:10.0"),
            List.of(new MdevType("nvidia-35", "GRID M60-0Q", 16)));
    NodeDevice nic =
        new NodeDevice(
            "pci_0000_3b_00_0", "computer", List.of("pci"), "ixgbe", "0x8086", "Intel",
            "0x10fb", "82599ES", pf, NodeDevice.NO_LINK, "", -1);
    NodeDevice disk =
        new NodeDevice(
            "block_sda", "pci_0000_00_1f_2", List.of("storage"), "", "", "", "", "",
            PciFunction.NONE, NodeDevice.NO_LINK, "/dev/sda", 1L << 40);
    return new NodeResources(
        memory,
        caps,
        List.of(new HostInterface("eth0", "52:54:00:00:00:09", "ethernet", true, "up", 125_000_000)),
        List.of(nic, disk),
        new NetworkFilters(
            List.of(new NetworkFilters.Filter("clean-traffic", "uuid-f")),
            List.of(new NetworkFilters.Binding("vnet0", "clean-traffic", "web"))),
        Map.of("volume", 2),
        List.of(new NodeCpuTimes(1_500_000_000L, 2_000_000_000L, 3_000_000_000L, 0)));
  }
}
