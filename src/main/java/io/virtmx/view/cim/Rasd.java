/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.util.Locale;

/**
 * What a ResourceAllocationSettingData a client sends asks for, read as libvirt-cim reads it: the
 * kind from the class name, the values from the properties (memory in {@code AllocationUnits},
 * Bytes when unsaid). A RASD that cannot be read is a {@link Refusal} with libvirt-cim's text.
 */
sealed interface Rasd {
  /** A RASD that libvirt-cim would refuse, with its message ("Missing `VirtualDevice' property"). */
  final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  /** A file (inside a --disk-dir) or POOL/VOLUME as the disk {@code target}. */
  record Disk(String source, String target, String bus, String format, boolean readOnly)
      implements Rasd {}

  /** An interface on a libvirt network or bridge; {@code mac} empty for a new one. */
  record Nic(String type, String source, String model, String mac) implements Rasd {}

  record Memory(long kib, long maxKib) implements Rasd {}

  record Processor(int count) implements Rasd {}

  /** A graphics or input device, kept as the libvirt XML libvirt-cim would write. */
  record Other(String kind, String xml) implements Rasd {}

  /** The CIM ResourceType of each kind, as libvirt-cim numbers them. */
  static int resourceType(String classSuffix) {
    return switch (classSuffix.toLowerCase(Locale.ROOT)) {
      case "diskresourceallocationsettingdata" -> 17;
      case "netresourceallocationsettingdata" -> 10;
      case "memresourceallocationsettingdata" -> 4;
      case "procresourceallocationsettingdata" -> 3;
      case "graphicsresourceallocationsettingdata" -> 24;
      case "inputresourceallocationsettingdata" -> 13;
      case "consoleresourceallocationsettingdata" -> 1;
      case "controllerresourceallocationsettingdata" -> 32771;
      default -> -1;
    };
  }

  static Rasd of(EmbeddedInstance r) {
    return switch (resourceType(r.suffix())) {
      case 17 -> disk(r);
      case 10 -> nic(r);
      case 4 -> memory(r);
      case 3 -> processor(r);
      case 24 -> RasdXml.graphics(r);
      case 13 -> RasdXml.input(r);
      case -1 -> throw new Refusal("Unable to determine resource type");
      default -> throw new Refusal("Resources of type " + r.suffix() + " are not supported here");
    };
  }

  private static Disk disk(EmbeddedInstance r) {
    String target = r.text("VirtualDevice");
    if (target == null) {
      throw new Refusal("Missing `VirtualDevice' property");
    }
    Long emulated = r.number("EmulatedType");
    if (emulated != null && emulated != 0) {
      throw new Refusal("Invalid value for EmulatedType");
    }
    String source = r.text("Address");
    return new Disk(
        source == null ? "/dev/null" : source,
        target,
        orEmpty(r.text("BusType")),
        orEmpty(r.text("DriverType")),
        Boolean.TRUE.equals(r.flag("readonly")));
  }

  private static Nic nic(EmbeddedInstance r) {
    String type = r.text("NetworkType");
    if (type == null) {
      throw new Refusal("No Network Type specified");
    }
    String model = orEmpty(r.text("ResourceSubType"));
    String mac = orEmpty(r.text("Address"));
    switch (type.toLowerCase(Locale.ROOT)) {
      case "bridge" -> {
        String bridge = r.text("NetworkName");
        if (bridge == null) {
          throw new Refusal("No Network bridge name specified");
        }
        if (bridge.isEmpty()) {
          throw new Refusal("Bridge name is empty");
        }
        return new Nic("bridge", bridge, model, mac);
      }
      case "network" -> {
        String pool = r.text("PoolID");
        String network = pool == null ? "default" : pool.substring(pool.indexOf('/') + 1);
        if (pool != null && (pool.indexOf('/') < 0 || network.isEmpty())) {
          throw new Refusal("PoolID specified is not formatted properly");
        }
        return new Nic("network", network, model, mac);
      }
      default -> throw new Refusal("Invalid Network Type specified");
    }
  }

  private static Memory memory(EmbeddedInstance r) {
    Long size = r.number("VirtualQuantity");
    if (size == null) {
      size = r.number("Reservation");
    }
    if (size == null) {
      throw new Refusal("Missing `VirtualQuantity' field in Memory RASD");
    }
    Long limit = r.number("Limit");
    String units = r.text("AllocationUnits");
    int shift =
        switch (units == null ? "bytes" : units.toLowerCase(Locale.ROOT)) {
          case "bytes" -> -10;
          case "kilobytes" -> 0;
          case "megabytes" -> 10;
          case "gigabytes" -> 20;
          default -> throw new Refusal("Unknown AllocationUnits in Memory RASD");
        };
    long max = limit == null ? size : limit;
    return new Memory(shifted(size, shift), Math.max(shifted(max, shift), shifted(size, shift)));
  }

  private static long shifted(long v, int shift) {
    if (shift < 0) {
      return v >> -shift;
    }
    if (v > (Long.MAX_VALUE >> shift)) {
      throw new Refusal("Memory size out of range");
    }
    return v << shift;
  }

  private static Processor processor(EmbeddedInstance r) {
    Long n = r.number("VirtualQuantity");
    if (n == null) {
      throw new Refusal("Missing `VirtualQuantity' field in Processor RASD");
    }
    if (n < 1 || n > 4096) {
      throw new Refusal("Invalid `VirtualQuantity' in Processor RASD: " + n);
    }
    return new Processor(n.intValue());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
