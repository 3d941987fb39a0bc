package io.virtmx.view.cim;

import io.virtmx.model.BalloonStats;
import io.virtmx.model.CpuTimes;
import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainRates;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import io.virtmx.model.JobInfo;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeInfo;
import io.virtmx.model.OsInfo;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.VolumeSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic host snapshots for the CIM view's unit tests. */
final class CimFixtures {
  private CimFixtures() {}

  static DiskStats disk(String target, String source) {
    return new DiskStats(
        target,
        "virtio",
        "file",
        "disk",
        "qcow2",
        source,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        0,
        10L << 30,
        1L << 30,
        1L << 30,
        IoRates.UNKNOWN);
  }

  static InterfaceStats nic(String target, String mac, String network) {
    return new InterfaceStats(
        target, mac, "network", network, "virtio", 1, 2, 0, 0, 3, 4, 0, 0, IoRates.UNKNOWN);
  }

  static DomainSnapshot domain(
      String name, DomainState state, int vcpus, List<DiskStats> disks, List<InterfaceStats> nics) {
    return domain(name, state, vcpus, disks, nics, List.of());
  }

  static DomainSnapshot domain(
      String name,
      DomainState state,
      int vcpus,
      List<DiskStats> disks,
      List<InterfaceStats> nics,
      List<DeviceInfo> devices) {
    boolean active = state != DomainState.SHUTOFF;
    return new DomainSnapshot(
        name,
        "uuid-" + name,
        active ? 7 : -1,
        state,
        1,
        true,
        false,
        new OsInfo("hvm", "x86_64", "pc-q35-7.2"),
        vcpus,
        vcpus + 2,
        List.of(),
        1_048_576,
        2_097_152,
        CpuTimes.UNKNOWN,
        BalloonStats.UNKNOWN,
        disks,
        nics,
        JobInfo.NONE,
        DomainRates.UNKNOWN,
        Instant.EPOCH,
        0,
        devices);
  }

  /** The devices of src/test/resources/fixtures/xml/domain-qemu.xml, as DomainXml reads them. */
  static final List<DeviceInfo> QEMU_XML_DEVICES =
      List.of(
          new DeviceInfo("controller", "usb", "", "qemu-xhci", 0, -1, ""),
          new DeviceInfo("controller", "sata", "", "", 0, -1, ""),
          new DeviceInfo("controller", "pci", "", "pcie-root", 0, -1, ""),
          new DeviceInfo("console", "pty", "serial", "", 0, -1, ""),
          new DeviceInfo("input", "tablet", "usb", "", -1, -1, ""),
          new DeviceInfo("input", "mouse", "ps2", "", -1, -1, ""),
          new DeviceInfo("graphics", "vnc", "", "", -1, 5900, "127.0.0.1"),
          new DeviceInfo("video", "", "", "virtio", 0, -1, ""));

  static HostSnapshot host(String hypervisor, List<DomainSnapshot> domains) {
    NodeInfo node =
        new NodeInfo(
            "hv1.example.org",
            hypervisor,
            7_002_000,
            9_000_000,
            "Skylake",
            8,
            2400,
            1,
            1,
            4,
            2,
            32L << 30,
            16L << 30,
            NodeCpuTimes.UNKNOWN);
    PoolSnapshot pool =
        new PoolSnapshot(
            "images",
            "p-uuid",
            "dir",
            2,
            true,
            true,
            100L << 30,
            20L << 30,
            80L << 30,
            "/var/lib/images",
            List.of(
                new VolumeSnapshot(
                    "web.qcow2",
                    "/var/lib/images/web.qcow2",
                    "/var/lib/images/web.qcow2",
                    "file",
                    10L << 30,
                    1L << 30)));
    NetworkSnapshot net =
        new NetworkSnapshot("default", "n-uuid", true, true, true, "virbr0", "nat", 1);
    return new HostSnapshot(
        "hv1",
        "qemu:///system",
        true,
        false,
        Instant.EPOCH,
        Instant.EPOCH,
        Duration.ZERO,
        Map.of(),
        node,
        domains,
        List.of(pool),
        List.of(net));
  }

  /**
   * web (running, 2 vCPUs, a disk in pool images, a NIC on network default, the other devices of
   * domain-qemu.xml) and db (shut off, a bridged NIC).
   */
  static HostSnapshot twoDomains(String hypervisor) {
    List<DomainSnapshot> domains = new ArrayList<>();
    domains.add(
        domain(
            "web",
            DomainState.RUNNING,
            2,
            List.of(disk("vda", "/var/lib/images/web.qcow2")),
            List.of(nic("vnet0", "52:54:00:00:00:01", "default")),
            QEMU_XML_DEVICES));
    domains.add(
        domain(
            "db",
            DomainState.SHUTOFF,
            1,
            List.of(disk("sda", "/srv/db.img"), disk("hdc", null)),
            List.of(
                new InterfaceStats(
                    "",
                    "52:54:00:00:00:02",
                    "bridge",
                    "br0",
                    "e1000",
                    -1,
                    -1,
                    -1,
                    -1,
                    -1,
                    -1,
                    -1,
                    -1,
                    IoRates.UNKNOWN))));
    return host(hypervisor, domains);
  }

  /**
   * {@code n} running domains with one disk and one NIC each, as a benchmark or scale test uses.
   */
  static HostSnapshot many(int n) {
    List<DomainSnapshot> domains = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      domains.add(
          domain(
              String.format("vm%04d", i),
              DomainState.RUNNING,
              2,
              List.of(disk("vda", "/img/" + i)),
              List.of(
                  nic(
                      "vnet" + i,
                      String.format("52:54:00:00:%02x:%02x", i / 256, i % 256),
                      "default"))));
    }
    return host("TEST", domains);
  }
}
