/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.virtmx.model.GuestAddress;
import io.virtmx.model.GuestInterface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The guest-agent calls on a raw {@code virDomainPtr}: guest info as typed parameters and interface
 * addresses by source (at most {@link GuestInfoParser#MAX_ITEMS} interfaces and addresses each,
 * texts cut like the agent's others); each frees what libvirt handed over before it returns.
 */
public final class GuestAgentCalls {
  /** VIR_DOMAIN_GUEST_INFO_USERS | OS | TIMEZONE | HOSTNAME | FILESYSTEM. */
  static final int INFO_TYPES = 1 | 2 | 4 | 8 | 16;

  /** {@code virDomainInterfaceAddressesSource}, with the name the model uses for each. */
  public enum AddressSource {
    LEASE(0, "lease"),
    AGENT(1, "agent"),
    ARP(2, "arp");

    private final int code;
    private final String label;

    AddressSource(int code, String label) {
      this.code = code;
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  // virDomainInterface (LP64): char *name; char *hwaddr; unsigned int naddrs; virDomainIPAddressPtr
  static final int IFACE_NAME = 0;
  static final int IFACE_HWADDR = 8;
  static final int IFACE_NADDRS = 16;
  static final int IFACE_ADDRS = 24;
  // virDomainIPAddress: int type; char *addr; unsigned int prefix
  static final int ADDR_SIZE = 24;
  static final int ADDR_ADDR = 8;
  static final int ADDR_PREFIX = 16;

  private static final GuestAgentNative LIB = GuestAgentNative.INSTANCE;

  private GuestAgentCalls() {}

  /** {@code virDomainGetGuestInfo} for OS, hostname, timezone, users and file systems. */
  public static Map<String, Object> guestInfo(Pointer dom) {
    PointerByReference params = new PointerByReference();
    IntByReference count = new IntByReference();
    LibvirtErrors.check(
        LIB.virDomainGetGuestInfo(dom, INFO_TYPES, params, count, 0), "virDomainGetGuestInfo");
    try {
      return TypedParams.decode(params.getValue(), count.getValue());
    } finally {
      TypedParams.free(params.getValue(), count.getValue());
    }
  }

  /** The addresses of each interface as {@code source} knows them. */
  public static List<GuestInterface> addresses(Pointer dom, AddressSource source) {
    PointerByReference array = new PointerByReference();
    int n =
        LibvirtErrors.check(
            LIB.virDomainInterfaceAddresses(dom, array, source.code, 0),
            "virDomainInterfaceAddresses");
    Pointer ifaces = array.getValue();
    if (ifaces == null) {
      return List.of();
    }
    List<GuestInterface> out = new ArrayList<>(n);
    try {
      for (int i = 0; i < Math.min(n, GuestInfoParser.MAX_ITEMS); i++) {
        out.add(iface(ifaces.getPointer((long) i * Native.POINTER_SIZE), source));
      }
    } finally {
      for (int i = 0; i < n; i++) {
        LIB.virDomainInterfaceFree(ifaces.getPointer((long) i * Native.POINTER_SIZE));
      }
      Native.free(Pointer.nativeValue(ifaces));
    }
    return List.copyOf(out);
  }

  /** Takes a reference that keeps the connection open until {@link #releaseConnection}. */
  public static Pointer holdConnection(Pointer conn) {
    LibvirtErrors.check(LIB.virConnectRef(conn), "virConnectRef");
    return conn;
  }

  public static void releaseConnection(Pointer conn) {
    LIB.virConnectClose(conn);
  }

  private static GuestInterface iface(Pointer p, AddressSource source) {
    int naddrs = p.getInt(IFACE_NADDRS);
    Pointer addrs = p.getPointer(IFACE_ADDRS);
    List<GuestAddress> addresses = new ArrayList<>(naddrs);
    for (int a = 0; addrs != null && a < Math.min(naddrs, GuestInfoParser.MAX_ITEMS); a++) {
      long base = (long) a * ADDR_SIZE;
      addresses.add(
          new GuestAddress(
              addrs.getInt(base) == 1 ? "ipv6" : "ipv4",
              string(addrs.getPointer(base + ADDR_ADDR)),
              addrs.getInt(base + ADDR_PREFIX)));
    }
    return new GuestInterface(
        string(p.getPointer(IFACE_NAME)),
        string(p.getPointer(IFACE_HWADDR)),
        addresses,
        source.label());
  }

  /** A guest-chosen string, cut as {@link GuestInfoParser} cuts the agent's other texts. */
  private static String string(Pointer s) {
    String v = s == null ? "" : s.getString(0, StandardCharsets.UTF_8.name());
    return v.length() > GuestInfoParser.MAX_TEXT ? v.substring(0, GuestInfoParser.MAX_TEXT) : v;
  }
}
