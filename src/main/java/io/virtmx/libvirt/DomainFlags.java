/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.HashSet;
import java.util.Set;

/**
 * Which domains of a connection are persistent and which start with the host, each from one
 * {@code virConnectListAllDomains} call filtered by that flag, instead of {@code
 * virDomainIsPersistent} and {@code virDomainGetAutostart} for every domain (2,000 round trips on a
 * 1,000-domain host).
 */
public final class DomainFlags {
  /** The one binding this needs; libvirt-java 0.5.4 lists names and ids only. */
  interface ListingNative extends Library {
    ListingNative INSTANCE = Native.load("virt", ListingNative.class);

    int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);
  }

  private static final int PERSISTENT = 1 << 2; // VIR_CONNECT_LIST_DOMAINS_PERSISTENT
  private static final int AUTOSTART = 1 << 10; // VIR_CONNECT_LIST_DOMAINS_AUTOSTART

  private final Set<String> persistent;
  private final Set<String> autostart;

  private DomainFlags(Set<String> persistent, Set<String> autostart) {
    this.persistent = persistent;
    this.autostart = autostart;
  }

  /** Lists the persistent and the autostarting domains of {@code conn}, by UUID. */
  public static DomainFlags list(Pointer conn) {
    return new DomainFlags(uuids(conn, PERSISTENT), uuids(conn, AUTOSTART));
  }

  public boolean persistent(String uuid) {
    return persistent.contains(uuid);
  }

  /** Whether the domain starts with the host; only a persistent domain can. */
  public boolean autostart(String uuid) {
    return autostart.contains(uuid) && persistent.contains(uuid);
  }

  /** UUIDs of the domains matching {@code flags}; every domain object and the array freed. */
  private static Set<String> uuids(Pointer conn, int flags) {
    PointerByReference ref = new PointerByReference();
    int n =
        LibvirtErrors.check(
            ListingNative.INSTANCE.virConnectListAllDomains(conn, ref, flags),
            "virConnectListAllDomains");
    Pointer array = ref.getValue();
    Set<String> out = new HashSet<>(Math.max(16, n * 2));
    RuntimeException failed = null;
    for (int i = 0; i < n; i++) {
      Pointer dom = array.getPointer((long) i * Native.POINTER_SIZE);
      try {
        if (failed == null) {
          out.add(NativeDomain.uuid(dom));
        }
      } catch (RuntimeException e) {
        failed = e;
      } finally {
        LibvirtNative.INSTANCE.virDomainFree(dom);
      }
    }
    if (array != null) {
      Native.free(Pointer.nativeValue(array));
    }
    if (failed != null) {
      throw failed;
    }
    return out;
  }
}
