/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DomainCapabilities;
import io.virtmx.model.GuestArch;
import io.virtmx.model.HostCapabilities;
import io.virtmx.model.HugePages;
import io.virtmx.model.NumaCell;
import io.virtmx.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Parses {@code virConnectGetCapabilities} XML: the host CPU, the NUMA cells (memory, CPUs,
 * distances, pages per size) and the guest architectures with their machine types.
 */
public final class CapabilitiesXml {

  /** What the capabilities say: the host and guests, the cells, and the pages in each cell. */
  public record Parsed(HostCapabilities host, List<NumaCell> cells, List<HugePages> pages) {}

  private CapabilitiesXml() {}

  /**
   * @throws IllegalArgumentException ("invalid capabilities XML: …") when it is not one
   */
  public static Parsed parse(String xml) {
    Element root = XmlTree.parse(xml, "capabilities", "capabilities");
    Element host = XmlTree.child(root, "host");
    List<NumaCell> cells = new ArrayList<>();
    List<HugePages> pages = new ArrayList<>();
    for (Element cell : XmlTree.children(XmlTree.path(host, "topology", "cells"), "cell")) {
      cells.add(cell(cell));
      int id = (int) XmlTree.number(cell.getAttribute("id"), -1);
      for (Element p : XmlTree.children(cell, "pages")) {
        long size = XmlTree.bytes(XmlTree.number(p.getAttribute("size"), -1), p.getAttribute("unit"));
        pages.add(new HugePages(id, size, XmlTree.number(p.getTextContent(), -1), Values.UNKNOWN));
      }
    }
    return new Parsed(hostCpu(XmlTree.child(host, "cpu"), guests(root)), cells, pages);
  }

  private static HostCapabilities hostCpu(Element cpu, List<GuestArch> guests) {
    List<String> features = new ArrayList<>();
    for (Element f : XmlTree.children(cpu, "feature")) {
      features.add(f.getAttribute("name"));
    }
    Element topology = XmlTree.child(cpu, "topology");
    return new HostCapabilities(
        XmlTree.text(cpu, "arch"),
        XmlTree.text(cpu, "model"),
        XmlTree.text(cpu, "vendor"),
        features,
        count(topology, "sockets"),
        count(topology, "dies"),
        count(topology, "cores"),
        count(topology, "threads"),
        guests);
  }

  private static int count(Element e, String attr) {
    return (int) XmlTree.number(XmlTree.attr(e, attr), -1);
  }

  private static NumaCell cell(Element cell) {
    Element memory = XmlTree.child(cell, "memory");
    long bytes =
        memory == null
            ? Values.UNKNOWN
            : XmlTree.bytes(XmlTree.number(memory.getTextContent(), -1), memory.getAttribute("unit"));
    List<Integer> cpus = new ArrayList<>();
    for (Element c : XmlTree.children(XmlTree.child(cell, "cpus"), "cpu")) {
      cpus.add((int) XmlTree.number(c.getAttribute("id"), -1));
    }
    Map<Integer, Integer> distances = new LinkedHashMap<>();
    for (Element s : XmlTree.children(XmlTree.child(cell, "distances"), "sibling")) {
      distances.put(
          (int) XmlTree.number(s.getAttribute("id"), -1),
          (int) XmlTree.number(s.getAttribute("value"), -1));
    }
    return new NumaCell(count(cell, "id"), bytes, Values.UNKNOWN, cpus, distances);
  }

  private static List<GuestArch> guests(Element root) {
    List<GuestArch> out = new ArrayList<>();
    for (Element guest : XmlTree.children(root, "guest")) {
      Element arch = XmlTree.child(guest, "arch");
      List<String> machines = new ArrayList<>();
      for (Element m : XmlTree.children(arch, "machine")) {
        machines.add(m.getTextContent().strip());
      }
      List<String> types = new ArrayList<>();
      for (Element d : XmlTree.children(arch, "domain")) {
        types.add(d.getAttribute("type"));
      }
      out.add(
          new GuestArch(
              XmlTree.attr(arch, "name"),
              XmlTree.text(guest, "os_type"),
              machines,
              types,
              DomainCapabilities.UNKNOWN));
    }
    return out;
  }
}
