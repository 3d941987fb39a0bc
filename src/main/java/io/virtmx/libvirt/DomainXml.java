/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DomainMetadata;
import io.virtmx.model.NicDevice;
import io.virtmx.model.OsInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/**
 * Parses a libvirt domain XML description ({@code virDomainGetXMLDesc}) into a {@link
 * DomainDescription}; vCPU pinning is read by {@link VcpuPinXml}.
 */
public final class DomainXml {

  private DomainXml() {}

  /**
   * Parses one domain description; thread-safe.
   *
   * @throws IllegalArgumentException ("invalid domain XML: …") when the text is not a well-formed
   *     domain description
   */
  public static DomainDescription parse(String xml) {
    return parse(xml, MetadataLabels.NOVA_ONLY);
  }

  /**
   * Parses one domain description with its {@code <title>}, {@code <description>} and the labels
   * {@code labels} (and Nova's) read from its {@code <metadata>}; thread-safe.
   *
   * @throws IllegalArgumentException ("invalid domain XML: …") when the text is not a well-formed
   *     domain description
   */
  public static DomainDescription parse(String xml, MetadataLabels labels) {
    FirstPass first = XmlCursor.parse(xml, "domain", "domain", DomainXml::readDomain);
    DomainDescription d = first.description();
    if (!first.hasMetadata()) {
      return d;
    }
    return d.withMetadata(
        MetadataXml.read(xml, d.metadata().title(), d.metadata().description(), labels));
  }

  /** The description read by the streaming pass, and whether a second pass reads metadata. */
  private record FirstPass(DomainDescription description, boolean hasMetadata) {}

  private static FirstPass readDomain(XmlCursor c) throws XMLStreamException {
    String type = c.attr("type");
    String name = "";
    String uuid = "";
    OsInfo os = OsInfo.UNKNOWN;
    Vcpus vcpus = Vcpus.ABSENT;
    long memory = -1;
    long currentMemory = -1;
    List<DiskDevice> disks = new ArrayList<>();
    List<NicDevice> interfaces = new ArrayList<>();
    List<DeviceInfo> devices = new ArrayList<>();
    String title = "";
    String description = "";
    boolean metadata = false;
    Map<Integer, List<Integer>> pins = Map.of();
    while (c.nextChild()) {
      switch (c.name()) {
        case "name" -> name = c.text();
        case "title" -> title = c.text();
        case "description" -> description = c.text();
        case "metadata" -> {
          metadata = true;
          c.skip();
        }
        case "uuid" -> uuid = c.text();
        case "memory" -> memory = memoryKib(c);
        case "currentMemory" -> currentMemory = memoryKib(c);
        case "vcpu" -> vcpus = readVcpus(c);
        case "cputune" -> pins = VcpuPinXml.readCputune(c);
        case "os" -> os = readOs(c);
        case "devices" -> readDevices(c, disks, interfaces, devices);
        default -> c.skip();
      }
    }
    DomainDescription read = new DomainDescription(
        name,
        uuid,
        type,
        os,
        vcpus.max(),
        vcpus.current(),
        memory,
        currentMemory < 0 ? memory : currentMemory,
        disks,
        interfaces,
        devices,
        new DomainMetadata(title, description, Map.of()),
        VcpuPinXml.pinning(vcpus.max(), vcpus.cpuset(), pins));
    return new FirstPass(read, metadata);
  }

  private static long memoryKib(XmlCursor c) throws XMLStreamException {
    String what = "<" + c.name() + ">";
    String unit = c.attr("unit");
    long value = c.longText(what);
    try {
      return MemoryUnit.toKib(value, unit);
    } catch (IllegalArgumentException e) {
      throw c.fail(what + ": " + e.getMessage());
    }
  }

  private record Vcpus(int max, int current, List<Integer> cpuset) {
    static final Vcpus ABSENT = new Vcpus(-1, -1, List.of());
  }

  /** {@code <vcpu current='n' cpuset='0-3'>max</vcpu>}; current defaults to max. */
  private static Vcpus readVcpus(XmlCursor c) throws XMLStreamException {
    String current = c.attr("current");
    List<Integer> cpuset = VcpuPinXml.cpuset(c, c.attr("cpuset"), "<vcpu cpuset>");
    int max = c.count(c.text(), "<vcpu>");
    return new Vcpus(max, current.isEmpty() ? max : c.count(current, "<vcpu current>"), cpuset);
  }

  private static OsInfo readOs(XmlCursor c) throws XMLStreamException {
    OsInfo os = OsInfo.UNKNOWN;
    while (c.nextChild()) {
      if (c.name().equals("type")) {
        String arch = c.attr("arch");
        String machine = c.attr("machine");
        os = new OsInfo(c.text(), arch, machine);
      } else {
        c.skip();
      }
    }
    return os;
  }

  private static void readDevices(
      XmlCursor c, List<DiskDevice> disks, List<NicDevice> interfaces, List<DeviceInfo> devices)
      throws XMLStreamException {
    int videos = 0;
    while (c.nextChild()) {
      switch (c.name()) {
        case "disk" -> disks.add(readDisk(c));
        case "interface" -> interfaces.add(readInterface(c));
        case "graphics" -> devices.add(readGraphics(c));
        case "video" -> devices.add(readVideo(c, videos++));
        case "input" ->
            devices.add(
                leaf(c, new DeviceInfo("input", c.attr("type"), c.attr("bus"), "", -1, -1, "")));
        case "controller" ->
            devices.add(
                leaf(
                    c,
                    new DeviceInfo(
                        "controller",
                        c.attr("type"),
                        "",
                        c.attr("model"),
                        index(c.attr("index")),
                        -1,
                        "")));
        case "console" -> devices.add(readConsole(c));
        case "hostdev" -> devices.add(HostdevXml.read(c));
        default -> c.skip();
      }
    }
  }

  private static DeviceInfo leaf(XmlCursor c, DeviceInfo device) throws XMLStreamException {
    c.skip();
    return device;
  }

  private static DeviceInfo readGraphics(XmlCursor c) throws XMLStreamException {
    DeviceInfo d =
        new DeviceInfo(
            "graphics", c.attr("type"), "", "", -1, index(c.attr("port")), c.attr("listen"));
    c.skip();
    return d;
  }

  private static DeviceInfo readVideo(XmlCursor c, int order) throws XMLStreamException {
    String model = "";
    while (c.nextChild()) {
      if (c.name().equals("model")) {
        model = c.attr("type");
      }
      c.skip();
    }
    return new DeviceInfo("video", "", "", model, order, -1, "");
  }

  private static DeviceInfo readConsole(XmlCursor c) throws XMLStreamException {
    String type = c.attr("type");
    String targetType = "";
    int port = -1;
    while (c.nextChild()) {
      if (c.name().equals("target")) {
        targetType = c.attr("type");
        port = index(c.attr("port"));
      }
      c.skip();
    }
    return new DeviceInfo("console", type, targetType, "", port, -1, "");
  }

  /**
   * A small non-negative number attribute; -1 when absent or not a number (as libvirt's port='-1').
   */
  private static int index(String value) {
    if (value == null || value.isEmpty()) {
      return -1;
    }
    try {
      return Math.max(-1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static DiskDevice readDisk(XmlCursor c) throws XMLStreamException {
    String type = c.attr("type");
    String device = c.attr("device");
    String target = "";
    String bus = "";
    String driverType = "";
    String source = "";
    while (c.nextChild()) {
      switch (c.name()) {
        case "target" -> {
          target = c.attr("dev");
          bus = c.attr("bus");
        }
        case "driver" -> driverType = c.attr("type");
        case "source" -> source = diskSource(c, type);
        default -> {} // backingStore, mirror, address…: their <source> is not this disk's
      }
      c.skip();
    }
    return new DiskDevice(target, bus, type, device, driverType, source);
  }

  private static String diskSource(XmlCursor c, String type) {
    return switch (type) {
      case "file" -> c.attr("file");
      case "block" -> c.attr("dev");
      case "dir" -> c.attr("dir");
      case "volume" -> joined(c.attr("pool"), "/", c.attr("volume"));
      case "network" -> joined(c.attr("protocol"), ":", c.attr("name"));
      default -> firstPresent(c, "file", "dev", "dir", "path", "name");
    };
  }

  private static NicDevice readInterface(XmlCursor c) throws XMLStreamException {
    String type = c.attr("type");
    String target = "";
    String mac = "";
    String source = "";
    String model = "";
    while (c.nextChild()) {
      switch (c.name()) {
        case "target" -> target = c.attr("dev");
        case "mac" -> mac = c.attr("address");
        case "source" -> source = interfaceSource(c, type);
        case "model" -> model = c.attr("type");
        default -> {}
      }
      c.skip();
    }
    return new NicDevice(target, mac, type, source, model);
  }

  private static String interfaceSource(XmlCursor c, String type) {
    return switch (type) {
      case "network" -> c.attr("network");
      case "bridge" -> c.attr("bridge");
      case "direct" -> c.attr("dev");
      case "vhostuser" -> c.attr("path");
      case "server", "client", "mcast", "udp" -> joined(c.attr("address"), ":", c.attr("port"));
      default -> firstPresent(c, "network", "bridge", "dev", "path");
    };
  }

  /** "a" + sep + "b", or whichever of the two is non-empty alone. */
  private static String joined(String a, String separator, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a + b;
    }
    return a + separator + b;
  }

  private static String firstPresent(XmlCursor c, String... attributes) {
    for (String attribute : attributes) {
      String value = c.attr(attribute);
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }
}
