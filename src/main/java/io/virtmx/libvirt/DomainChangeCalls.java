/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * The libvirt calls of hot-plug and save/restore that libvirt-java lacks, with their flags: {@code
 * virDomainSetMemoryFlags}, {@code virDomainSaveFlags}, {@code virDomainRestoreFlags} and {@code
 * virDomainSaveImageGetXMLDesc}. Each
 * throws {@link LibvirtCallException} with libvirt's message when libvirt refuses.
 */
public final class DomainChangeCalls {
  /** {@code VIR_DOMAIN_SAVE_PAUSED}: the restored domain stays paused. */
  public static final int SAVE_PAUSED = 4;

  /** The bindings. */
  interface Calls extends Library {
    Calls INSTANCE = Native.load("virt", Calls.class);

    int virDomainSetMemoryFlags(Pointer dom, long memoryKib, int flags);

    int virDomainSaveFlags(Pointer dom, String to, String dxml, int flags);

    int virDomainRestoreFlags(Pointer conn, String from, String dxml, int flags);

    Pointer virDomainSaveImageGetXMLDesc(Pointer conn, String file, int flags);
  }

  private DomainChangeCalls() {}

  /** Sets the current memory, in KiB, of the running domain and/or its definition. */
  public static void setMemory(NativeConnect conn, String domain, long kib, int affectFlags) {
    Pointer dom = lookup(conn, domain);
    try {
      LibvirtErrors.check(
          Calls.INSTANCE.virDomainSetMemoryFlags(dom, kib, affectFlags),
          "virDomainSetMemoryFlags");
    } finally {
      NativeDomain.free(dom);
    }
  }

  /** Saves the running domain's memory to {@code path} and stops it. */
  public static void save(NativeConnect conn, String domain, String path, int flags) {
    Pointer dom = lookup(conn, domain);
    try {
      LibvirtErrors.check(
          Calls.INSTANCE.virDomainSaveFlags(dom, path, null, flags), "virDomainSaveFlags");
    } finally {
      NativeDomain.free(dom);
    }
  }

  /** Starts the domain saved in {@code path}. */
  public static void restore(NativeConnect conn, String path, int flags) {
    LibvirtErrors.check(
        Calls.INSTANCE.virDomainRestoreFlags(conn.nativeHandle(), path, null, flags),
        "virDomainRestoreFlags");
  }

  /** The name of the domain saved in {@code path}, from the image's XML. */
  public static String savedDomainName(NativeConnect conn, String path) {
    Pointer xml =
        LibvirtErrors.check(
            Calls.INSTANCE.virDomainSaveImageGetXMLDesc(conn.nativeHandle(), path, 0),
            "virDomainSaveImageGetXMLDesc");
    try {
      return DomainXml.parse(xml.getString(0, StandardCharsets.UTF_8.name())).name();
    } finally {
      Native.free(Pointer.nativeValue(xml));
    }
  }

  private static Pointer lookup(NativeConnect conn, String domain) {
    return LibvirtErrors.check(
        LibvirtNative.INSTANCE.virDomainLookupByName(conn.nativeHandle(), domain),
        "virDomainLookupByName");
  }
}
