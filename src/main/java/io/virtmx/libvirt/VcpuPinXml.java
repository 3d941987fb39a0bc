/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.VcpuPin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;

/**
 * Reads vCPU pinning from a domain description: the {@code <cputune><vcpupin vcpu= cpuset=>}
 * elements and the domain-wide {@code <vcpu cpuset=>} that applies to every vCPU without one.
 */
final class VcpuPinXml {
  /** Highest host CPU number accepted in a cpuset (libvirt's own bitmap limit). */
  static final int MAX_CPU = 16383;

  private VcpuPinXml() {}

  /** The {@code <vcpupin>} children of {@code <cputune>}: cpusets by vCPU number. */
  static Map<Integer, List<Integer>> readCputune(XmlCursor c) throws XMLStreamException {
    Map<Integer, List<Integer>> pins = new TreeMap<>();
    while (c.nextChild()) {
      if (c.name().equals("vcpupin")) {
        int vcpu = c.count(c.attr("vcpu"), "<vcpupin vcpu>");
        pins.put(vcpu, cpuset(c, c.attr("cpuset"), "<vcpupin cpuset>"));
      }
      c.skip();
    }
    return pins;
  }

  /**
   * One pin per vCPU below {@code maxVcpus} that is restricted: by its own {@code <vcpupin>}, else
   * by the domain-wide cpuset (empty: none).
   */
  static List<VcpuPin> pinning(int maxVcpus, List<Integer> domainCpuset, Map<Integer, List<Integer>> pins) {
    List<VcpuPin> out = new ArrayList<>();
    for (int vcpu = 0; vcpu < maxVcpus; vcpu++) {
      List<Integer> cpus = pins.getOrDefault(vcpu, domainCpuset);
      if (!cpus.isEmpty()) {
        out.add(new VcpuPin(vcpu, cpus));
      }
    }
    return out;
  }

  /** libvirt's cpuset syntax ("0-3,^2,8"): numbers, ranges and exclusions; "" gives an empty list. */
  static List<Integer> cpuset(XmlCursor c, String text, String what) throws XMLStreamException {
    try {
      return cpuset(text);
    } catch (IllegalArgumentException e) {
      throw c.fail(what + ": " + e.getMessage());
    }
  }

  static List<Integer> cpuset(String text) {
    TreeSet<Integer> include = new TreeSet<>();
    TreeSet<Integer> exclude = new TreeSet<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (p.startsWith("^")) {
        exclude.add(cpu(p.substring(1)));
        continue;
      }
      int dash = p.indexOf('-');
      int first = cpu(dash < 0 ? p : p.substring(0, dash));
      int last = dash < 0 ? first : cpu(p.substring(dash + 1));
      if (last < first) {
        throw new IllegalArgumentException("range " + p + " runs backwards");
      }
      for (int n = first; n <= last; n++) {
        include.add(n);
      }
    }
    include.removeAll(exclude);
    return List.copyOf(include);
  }

  private static int cpu(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 0 && n <= MAX_CPU) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a CPU number from 0 to " + MAX_CPU);
  }
}
