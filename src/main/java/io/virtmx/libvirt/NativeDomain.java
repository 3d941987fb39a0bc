/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;

/** Identity, definition and reference counting of a raw {@code virDomainPtr}. */
public final class NativeDomain {

  public static final int XML_SECURE = 1;
  public static final int XML_INACTIVE = 1 << 1;
  public static final int XML_UPDATE_CPU = 1 << 2;
  public static final int XML_MIGRATABLE = 1 << 3;

  private static final LibvirtNative LIB = LibvirtNative.INSTANCE;

  private NativeDomain() {}

  public static String name(Pointer dom) {
    String name = LIB.virDomainGetName(dom);
    if (name == null) {
      throw LibvirtErrors.lastError("virDomainGetName");
    }
    return name;
  }

  public static String uuid(Pointer dom) {
    byte[] buf = new byte[NativeLayout.UUID_STRING_BUFLEN];
    LibvirtErrors.check(LIB.virDomainGetUUIDString(dom, buf), "virDomainGetUUIDString");
    return Native.toString(buf, StandardCharsets.US_ASCII.name());
  }

  /** The hypervisor's domain id, or -1 for an inactive domain. */
  public static int id(Pointer dom) {
    int id = LIB.virDomainGetID(dom);
    if (id == -1) {
      LIB.virResetLastError();
    }
    return id;
  }

  public static boolean isPersistent(Pointer dom) {
    return LibvirtErrors.check(LIB.virDomainIsPersistent(dom), "virDomainIsPersistent") == 1;
  }

  public static boolean autostart(Pointer dom) {
    IntByReference value = new IntByReference();
    LibvirtErrors.check(LIB.virDomainGetAutostart(dom, value), "virDomainGetAutostart");
    return value.getValue() != 0;
  }

  /** The domain XML; {@code flags} is an OR of the XML_* constants. */
  public static String xmlDesc(Pointer dom, int flags) {
    Pointer xml = LibvirtErrors.check(LIB.virDomainGetXMLDesc(dom, flags), "virDomainGetXMLDesc");
    try {
      return xml.getString(0, StandardCharsets.UTF_8.name());
    } finally {
      Native.free(Pointer.nativeValue(xml));
    }
  }

  /** Takes an extra reference so {@code dom} outlives its batch; pair with {@link #free}. */
  public static Pointer ref(Pointer dom) {
    LibvirtErrors.check(LIB.virDomainRef(dom), "virDomainRef");
    return dom;
  }

  /** Drops one reference taken with {@link #ref}. */
  public static void free(Pointer dom) {
    LibvirtErrors.check(LIB.virDomainFree(dom), "virDomainFree");
  }
}
