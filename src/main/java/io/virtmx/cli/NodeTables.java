/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static io.virtmx.cli.TableOutput.bytes;
import static io.virtmx.cli.TableOutput.table;
import static io.virtmx.cli.TableOutput.yesNo;

import io.virtmx.model.GuestArch;
import io.virtmx.model.HostCapabilities;
import io.virtmx.model.HostInterface;
import io.virtmx.model.HugePages;
import io.virtmx.model.NetworkFilters;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.NodeMemory;
import io.virtmx.model.NodeResources;
import io.virtmx.model.NumaCell;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The node part of {@code --once}'s table output: host CPU and memory lines, then tables of NUMA
 * cells, pages, guest architectures, host interfaces, node devices, network filters and secrets;
 * a part whose collector is off is left out.
 */
final class NodeTables {
  private NodeTables() {}

  static void write(NodeResources r, PrintWriter out) {
    HostCapabilities c = r.capabilities();
    if (!c.equals(HostCapabilities.UNKNOWN)) {
      out.printf(
          "Host CPU: %s %s %s, %d socket(s) x %d die(s) x %d core(s) x %d thread(s), %d features%n",
          c.arch(),
          c.cpuVendor(),
          c.cpuModel(),
          c.sockets(),
          c.dies(),
          c.cores(),
          c.threads(),
          c.cpuFeatures().size());
      table(
          out,
          List.of("Guest arch", "OS type", "Max vCPUs", "Machines"),
          c.guests().stream().map(NodeTables::guestRow).toList());
      out.println();
    }
    memory(r.memory(), out);
    if (!r.interfaces().isEmpty()) {
      table(
          out,
          List.of("Interface", "MAC", "Type", "Active", "Link", "Speed"),
          r.interfaces().stream().map(NodeTables::interfaceRow).toList());
      out.println();
    }
    if (!r.devices().isEmpty()) {
      table(
          out,
          List.of("Node device", "Parent", "Capability", "Driver", "Vendor", "Product"),
          r.devices().stream().map(NodeTables::deviceRow).toList());
      out.println();
    }
    filters(r.filters(), out);
    if (!r.secretsByUsage().isEmpty()) {
      out.println("Secrets by usage: " + r.secretsByUsage());
      out.println();
    }
  }

  private static void memory(NodeMemory m, PrintWriter out) {
    if (m.equals(NodeMemory.UNKNOWN)) {
      return;
    }
    out.printf(
        "Memory: total %s, free %s, buffers %s, cached %s; KSM %s%n",
        bytes(m.totalBytes()),
        bytes(m.freeBytes()),
        bytes(m.buffersBytes()),
        bytes(m.cachedBytes()),
        m.sharedMemory());
    table(
        out,
        List.of("NUMA cell", "Memory", "Free", "CPUs", "Distances"),
        m.cells().stream().map(NodeTables::cellRow).toList());
    out.println();
    table(
        out,
        List.of("Cell", "Page size", "Pages", "Free"),
        m.pages().stream().map(NodeTables::pageRow).toList());
    out.println();
  }

  private static void filters(NetworkFilters f, PrintWriter out) {
    if (f.filters().isEmpty() && f.bindings().isEmpty()) {
      return;
    }
    table(
        out,
        List.of("Network filter", "UUID"),
        f.filters().stream().map(x -> List.of(x.name(), x.uuid())).toList());
    out.println();
    table(
        out,
        List.of("Port device", "Filter", "Domain"),
        f.bindings().stream().map(b -> List.of(b.portDevice(), b.filter(), b.ownerDomain())).toList());
    out.println();
  }

  private static List<String> guestRow(GuestArch g) {
    int max = g.domainCapabilities().maxVcpus();
    return List.of(
        g.arch(), g.osType(), max < 0 ? "-" : Integer.toString(max), g.machines().size() + " types");
  }

  private static List<String> cellRow(NumaCell c) {
    return List.of(
        Integer.toString(c.id()),
        bytes(c.memoryBytes()),
        bytes(c.freeBytes()),
        c.cpus().stream().map(String::valueOf).collect(Collectors.joining(",")),
        new TreeMap<>(c.distances())
            .values().stream()
            .map(String::valueOf)
            .collect(Collectors.joining(" ")));
  }

  private static List<String> pageRow(HugePages p) {
    return List.of(
        Integer.toString(p.cell()),
        bytes(p.pageSizeBytes()),
        Long.toString(p.total()),
        p.free() < 0 ? "-" : Long.toString(p.free()));
  }

  private static List<String> interfaceRow(HostInterface i) {
    return List.of(
        i.name(),
        i.mac(),
        i.type(),
        yesNo(i.active()),
        i.linkState().isEmpty() ? "-" : i.linkState(),
        i.speedBytesPerSecond() < 0 ? "-" : bytes(i.speedBytesPerSecond()) + "/s");
  }

  private static List<String> deviceRow(NodeDevice d) {
    return List.of(
        d.name(),
        d.parent(),
        String.join(",", d.capabilities()),
        d.driver(),
        (d.vendorId() + " " + d.vendor()).strip(),
        (d.productId() + " " + d.product()).strip());
  }
}
