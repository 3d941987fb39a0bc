/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.GuestArch;
import io.virtmx.model.HostSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The libvirt domain XML DefineSystem sends: name, UUID, memory, vCPUs, OS type, and the graphics
 * and input devices of the RASDs (a VNC display on 127.0.0.1 and a PS/2 mouse when none are given,
 * as libvirt-cim adds). Disks and interfaces are not in it: they are attached afterwards through
 * the device operations, so {@code --disk-dir} applies to them.
 */
final class RasdXml {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+:-]{0,199}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  /** The only listen addresses of a display made through CIM, which sets no password. */
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");

  private RasdXml() {}

  /** Whether libvirt would accept {@code name} as a domain name we can also put in XML safely. */
  static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  static boolean validUuid(String uuid) {
    return uuid != null && UUID.matcher(uuid).matches();
  }

  /** The domain element; {@code devices} are the graphics and input RASDs. */
  static String domain(
      HostSnapshot host,
      String prefix,
      EmbeddedInstance vssd,
      Rasd.Memory memory,
      Rasd.Processor cpus,
      List<Rasd.Other> devices) {
    String type = domainType(host, prefix);
    String name = vssd.text("VirtualSystemIdentifier");
    String uuid = vssd.text("UUID");
    StringBuilder b = new StringBuilder("<domain type='").append(type).append("'>");
    b.append("<name>").append(name).append("</name>");
    if (uuid != null && !uuid.isBlank()) {
      b.append("<uuid>").append(uuid).append("</uuid>");
    }
    b.append("<memory unit='KiB'>").append(memory.maxKib()).append("</memory>");
    b.append("<currentMemory unit='KiB'>").append(memory.kib()).append("</currentMemory>");
    b.append("<vcpu>").append(cpus.count()).append("</vcpu>");
    b.append("<os><type");
    attr(b, "arch", word(vssd.text("Arch")));
    attr(b, "machine", word(vssd.text("Machine")));
    b.append(">hvm</type></os>");
    if (!type.equals("test")) {
      b.append("<features><acpi/></features>");
    }
    b.append("<devices>");
    boolean kvm = prefix.equals("KVM");
    if (kvm && devices.stream().noneMatch(d -> d.kind().equals("graphics"))) {
      b.append("<graphics type='vnc' autoport='yes' listen='127.0.0.1'/>");
    }
    if (kvm && devices.stream().noneMatch(d -> d.kind().equals("input"))) {
      b.append("<input type='mouse' bus='ps2'/>");
    }
    devices.forEach(d -> b.append(d.xml()));
    if (kvm) {
      b.append("<console type='pty'/>");
    }
    return b.append("</devices></domain>").toString();
  }

  /** kvm when the host offers it, else qemu (as libvirt-cim falls back); test, xen, lxc. */
  static String domainType(HostSnapshot host, String prefix) {
    return switch (prefix) {
      case "KVM" ->
          host.resources().capabilities().guests().stream()
                  .map(GuestArch::domainTypes)
                  .anyMatch(t -> t.contains("kvm"))
              ? "kvm"
              : "qemu";
      case "Xen" -> "xen";
      case "LXC" -> "lxc";
      default -> host.node().hypervisorType().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * {@code <graphics>} from ResourceSubType (vnc, spice, sdl), Address (host:port, [::1]:port),
   * KeyMap; it has no password, so it listens on loopback only (127.0.0.1, ::1, localhost).
   */
  static Rasd.Other graphics(EmbeddedInstance r) {
    String type = r.text("ResourceSubType") == null ? "vnc" : r.text("ResourceSubType");
    if (!List.of("vnc", "spice", "sdl").contains(type.toLowerCase(Locale.ROOT))) {
      throw new Rasd.Refusal("Unsupported graphics type");
    }
    StringBuilder b = new StringBuilder("<graphics");
    attr(b, "type", type.toLowerCase(Locale.ROOT));
    String address = r.text("Address");
    if (!type.equalsIgnoreCase("sdl")) {
      String listen = "127.0.0.1";
      String port = "-1";
      if (address != null && address.lastIndexOf(':') > 0) {
        listen = address.substring(0, address.lastIndexOf(':'));
        port = address.substring(address.lastIndexOf(':') + 1);
      }
      if (listen.startsWith("[") && listen.endsWith("]")) {
        listen = listen.substring(1, listen.length() - 1);
      }
      if (!port.matches("-1|[0-9]{1,5}")) {
        throw new Rasd.Refusal("Invalid graphics address `" + address + "'");
      }
      if (!LOOPBACK.contains(listen)) {
        throw new Rasd.Refusal(
            "Graphics address `" + address + "' is not allowed: listen on 127.0.0.1, [::1] or localhost");
      }
      attr(b, "autoport", port.equals("-1") ? "yes" : "no");
      if (!port.equals("-1")) {
        attr(b, "port", port);
      }
      attr(b, "listen", listen);
      attr(b, "keymap", word(r.text("KeyMap")));
    }
    return new Rasd.Other("graphics", b.append("/>").toString());
  }

  /** {@code <input>} from ResourceSubType (mouse, tablet, keyboard) and BusType (ps2, usb). */
  static Rasd.Other input(EmbeddedInstance r) {
    String type = r.text("ResourceSubType") == null ? "mouse" : r.text("ResourceSubType");
    String bus = r.text("BusType") == null ? "ps2" : r.text("BusType");
    if (!List.of("mouse", "tablet", "keyboard").contains(type) || !List.of("ps2", "usb", "virtio").contains(bus)) {
      throw new Rasd.Refusal("Invalid input device `" + type + ":" + bus + "'");
    }
    return new Rasd.Other("input", "<input type='" + type + "' bus='" + bus + "'/>");
  }

  private static String word(String s) {
    return s != null && WORD.matcher(s).matches() ? s : null;
  }

  private static void attr(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append(' ').append(name).append("='").append(value).append('\'');
    }
  }
}
