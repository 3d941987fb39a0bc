/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.NodeInfo;
import io.virtmx.model.PoolSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints snapshots the way {@code virsh list} does, with rates:
 *
 * <pre>
 * Host h1 (test:///default): up, Test 2.0.0, libvirt 9.0.0, 16 CPUs, 8.0 GiB memory (1.5 GiB free)
 *  Id   Name   State     CPU%   vCPUs   Memory    Disk read   Disk write   Net rx     Net tx
 * ----------------------------------------------------------------------------------------------
 *  1    test   running   0.4    2       2.0 GiB   0 B/s       12.0 KiB/s   1.2 KiB/s  300 B/s
 * </pre>
 */
final class TableOutput {
  private TableOutput() {}

  static void write(List<HostSnapshot> snapshots, PrintWriter out) {
    for (HostSnapshot host : snapshots) {
      out.println(header(host));
      out.println();
      table(
          out,
          List.of(
              "Id",
              "Name",
              "State",
              "CPU%",
              "vCPUs",
              "Memory",
              "Disk read",
              "Disk write",
              "Net rx",
              "Net tx"),
          host.domains().stream().map(TableOutput::domainRow).toList());
      out.println();
      table(
          out,
          List.of("Pool", "State", "Autostart", "Capacity", "Allocation", "Available", "Volumes"),
          host.pools().stream().map(TableOutput::poolRow).toList());
      out.println();
      table(
          out,
          List.of("Network", "Active", "Autostart", "Bridge", "Forward", "DHCP leases"),
          host.networks().stream().map(TableOutput::networkRow).toList());
      out.println();
      NodeTables.write(host.resources(), out);
    }
  }

  private static String header(HostSnapshot host) {
    NodeInfo n = host.node();
    String state = host.up() ? (host.stale() ? "up (stale)" : "up") : "DOWN";
    if (!n.known()) {
      return "Host " + host.host() + " (" + host.uri() + "): " + state;
    }
    return String.format(
        Locale.ROOT,
        "Host %s (%s): %s, %s %s, libvirt %s, %d CPUs, %s memory (%s free)",
        host.host(),
        host.uri(),
        state,
        n.hypervisorType(),
        NodeInfo.versionString(n.hypervisorVersion()),
        NodeInfo.versionString(n.libvirtVersion()),
        n.cpus(),
        bytes(n.memoryTotalBytes()),
        bytes(n.memoryFreeBytes()));
  }

  private static List<String> domainRow(DomainSnapshot d) {
    return List.of(
        d.id() < 0 ? "-" : Integer.toString(d.id()),
        d.name(),
        d.state().label(),
        number(d.rates().cpuPercentOfCore()),
        Integer.toString(d.vcpus().current()),
        bytes(d.memory().currentBytes()),
        rate(d.diskTotals().readBytesPerSec()),
        rate(d.diskTotals().writeBytesPerSec()),
        rate(d.interfaceTotals().readBytesPerSec()),
        rate(d.interfaceTotals().writeBytesPerSec()));
  }

  private static List<String> poolRow(PoolSnapshot p) {
    return List.of(
        p.name(),
        p.state().label(),
        yesNo(p.autostart()),
        bytes(p.capacityBytes()),
        bytes(p.allocationBytes()),
        bytes(p.availableBytes()),
        Integer.toString(p.volumes().size()));
  }

  private static List<String> networkRow(NetworkSnapshot n) {
    return List.of(
        n.name(),
        yesNo(n.active()),
        yesNo(n.autostart()),
        n.bridge(),
        n.forwardMode(),
        Integer.toString(n.dhcpLeases()));
  }

  static void table(PrintWriter out, List<String> head, List<List<String>> rows) {
    int[] width = new int[head.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(head);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    int total = 0;
    for (int w : width) {
      total += w + 3;
    }
    printRow(out, head, width);
    out.println("-".repeat(total));
    rows.forEach(r -> printRow(out, r, width));
  }

  private static void printRow(PrintWriter out, List<String> row, int[] width) {
    StringBuilder b = new StringBuilder(" ");
    for (int i = 0; i < row.size(); i++) {
      b.append(String.format("%-" + width[i] + "s", row.get(i)));
      if (i < row.size() - 1) {
        b.append("   ");
      }
    }
    out.println(b.toString().stripTrailing());
  }

  static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String rate(double bytesPerSec) {
    return Double.isNaN(bytesPerSec) ? "-" : bytes((long) bytesPerSec) + "/s";
  }

  static String bytes(long b) {
    if (b < 0) {
      return "-";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = b;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
