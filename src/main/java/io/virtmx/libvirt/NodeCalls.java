/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static io.virtmx.libvirt.NativeLayout.NODE_CPU_STATS_SIZE;
import static io.virtmx.libvirt.NativeLayout.NODE_CPU_STATS_VALUE;
import static io.virtmx.libvirt.NativeLayout.TYPED_PARAM_SIZE;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Node-level libvirt calls on a raw {@code virConnectPtr}: capabilities, NUMA memory and pages,
 * memory statistics and parameters, and the "list all" calls of the node's objects. Every native
 * object and string obtained is freed here.
 */
public final class NodeCalls {
  private static final NodeNative LIB = NodeNative.INSTANCE;

  private NodeCalls() {}

  public static String capabilitiesXml(Pointer conn) {
    return owned(
        LibvirtErrors.check(LIB.virConnectGetCapabilities(conn), "virConnectGetCapabilities"));
  }

  /** The domain capabilities of {@code arch} for the driver's default emulator and machine. */
  public static String domainCapabilitiesXml(Pointer conn, String arch, String virtType) {
    return owned(
        LibvirtErrors.check(
            LIB.virConnectGetDomainCapabilities(conn, null, arch, null, virtType, 0),
            "virConnectGetDomainCapabilities"));
  }

  /** Free memory of cells 0 to {@code cells - 1}, in bytes. */
  public static long[] cellsFreeMemory(Pointer conn, int cells) {
    long[] free = new long[cells];
    int n =
        LibvirtErrors.check(
            LIB.virNodeGetCellsFreeMemory(conn, free, 0, cells), "virNodeGetCellsFreeMemory");
    return java.util.Arrays.copyOf(free, n);
  }

  /**
   * Free pages of each size (KiB) in each of {@code cells} cells: index {@code cell * sizes.length
   * + size}.
   */
  public static long[] freePages(Pointer conn, int[] sizesKib, int cells) {
    long[] counts = new long[sizesKib.length * cells];
    LibvirtErrors.check(
        LIB.virNodeGetFreePages(conn, sizesKib.length, sizesKib, 0, cells, counts, 0),
        "virNodeGetFreePages");
    return counts;
  }

  /** {@code virNodeGetMemoryStats} of the whole node: field name to KiB. */
  public static Map<String, Long> memoryStatsKib(Pointer conn) {
    IntByReference n = new IntByReference(0);
    String fn = "virNodeGetMemoryStats";
    LibvirtErrors.check(LIB.virNodeGetMemoryStats(conn, -1, null, n, 0), fn);
    Map<String, Long> out = new LinkedHashMap<>();
    if (n.getValue() <= 0) {
      return out;
    }
    try (Memory m = PerDomainStats.zeroed((long) n.getValue() * NODE_CPU_STATS_SIZE)) {
      LibvirtErrors.check(LIB.virNodeGetMemoryStats(conn, -1, m, n, 0), fn);
      for (int i = 0; i < n.getValue(); i++) {
        Pointer p = m.share((long) i * NODE_CPU_STATS_SIZE);
        out.put(TypedParams.field(p), p.getLong(NODE_CPU_STATS_VALUE));
      }
    }
    return out;
  }

  /** {@code virNodeGetMemoryParameters}: the kernel same-page merging values by name. */
  public static Map<String, Object> memoryParameters(Pointer conn) {
    IntByReference n = new IntByReference(0);
    String fn = "virNodeGetMemoryParameters";
    LibvirtErrors.check(LIB.virNodeGetMemoryParameters(conn, null, n, 0), fn);
    if (n.getValue() <= 0) {
      return Map.of();
    }
    int count = n.getValue();
    try (Memory m = PerDomainStats.zeroed((long) count * TYPED_PARAM_SIZE)) {
      LibvirtErrors.check(LIB.virNodeGetMemoryParameters(conn, m, n, 0), fn);
      try {
        return Map.copyOf(TypedParams.decode(m, n.getValue()));
      } finally {
        TypedParams.clear(m, count);
      }
    }
  }

  /** Each host interface as {@code name}, {@code mac}, {@code active} and its XML. */
  public record RawInterface(String name, String mac, boolean active, String xml) {}

  public static List<RawInterface> interfaces(Pointer conn) {
    return listAll(
        r -> LIB.virConnectListAllInterfaces(conn, r, 0),
        "virConnectListAllInterfaces",
        i ->
            new RawInterface(
                text(LIB.virInterfaceGetName(i)),
                text(LIB.virInterfaceGetMACString(i)),
                LIB.virInterfaceIsActive(i) == 1,
                owned(LIB.virInterfaceGetXMLDesc(i, 0))),
        LIB::virInterfaceFree);
  }

  /** The XML description of every node device. */
  public static List<String> nodeDeviceXmls(Pointer conn) {
    return listAll(
        r -> LIB.virConnectListAllNodeDevices(conn, r, 0),
        "virConnectListAllNodeDevices",
        d -> owned(LIB.virNodeDeviceGetXMLDesc(d, 0)),
        LIB::virNodeDeviceFree);
  }

  /** Each network filter as {name, uuid}. */
  public static List<String[]> networkFilters(Pointer conn) {
    return listAll(
        r -> LIB.virConnectListAllNWFilters(conn, r, 0),
        "virConnectListAllNWFilters",
        f -> new String[] {text(LIB.virNWFilterGetName(f)), uuid(f)},
        LIB::virNWFilterFree);
  }

  /** Each filter binding as {port device, filter name, XML}. */
  public static List<String[]> filterBindings(Pointer conn) {
    return listAll(
        r -> LIB.virConnectListAllNWFilterBindings(conn, r, 0),
        "virConnectListAllNWFilterBindings",
        b ->
            new String[] {
              text(LIB.virNWFilterBindingGetPortDev(b)),
              text(LIB.virNWFilterBindingGetFilterName(b)),
              owned(LIB.virNWFilterBindingGetXMLDesc(b, 0))
            },
        LIB::virNWFilterBindingFree);
  }

  /** The usage type code ({@code virSecretUsageType}) of every secret; never a value. */
  public static List<Integer> secretUsageTypes(Pointer conn) {
    return listAll(
        r -> LIB.virConnectListAllSecrets(conn, r, 0),
        "virConnectListAllSecrets",
        LIB::virSecretGetUsageType,
        LIB::virSecretFree);
  }

  private static <T> List<T> listAll(
      ToIntFunction<PointerByReference> call,
      String function,
      Function<Pointer, T> read,
      ToIntFunction<Pointer> free) {
    PointerByReference array = new PointerByReference();
    int n = LibvirtErrors.check(call.applyAsInt(array), function);
    Pointer items = array.getValue();
    List<T> out = new ArrayList<>(Math.max(n, 0));
    if (items == null) {
      return out;
    }
    RuntimeException failed = null;
    for (int i = 0; i < n; i++) {
      Pointer item = items.getPointer((long) i * Native.POINTER_SIZE);
      try {
        if (failed == null) {
          out.add(read.apply(item));
        }
      } catch (RuntimeException e) {
        failed = e; // the remaining items are still freed
      } finally {
        free.applyAsInt(item);
      }
    }
    Native.free(Pointer.nativeValue(items));
    if (failed != null) {
      throw failed;
    }
    return out;
  }

  private static String uuid(Pointer filter) {
    byte[] buf = new byte[37]; // VIR_UUID_STRING_BUFLEN
    if (LIB.virNWFilterGetUUIDString(filter, buf) < 0) {
      LibvirtNative.INSTANCE.virResetLastError();
      return "";
    }
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    return new String(buf, 0, len, StandardCharsets.US_ASCII);
  }

  /** A string libvirt allocated, read and freed ("" for NULL). */
  private static String owned(Pointer s) {
    if (s == null) {
      LibvirtNative.INSTANCE.virResetLastError();
      return "";
    }
    try {
      return s.getString(0, StandardCharsets.UTF_8.name());
    } finally {
      Native.free(Pointer.nativeValue(s));
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
