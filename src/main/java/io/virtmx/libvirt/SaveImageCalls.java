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
 * Reads the domain XML a save image holds ({@code virDomainSaveImageGetXMLDesc}, with secure
 * details so it can be given back unchanged) and restores the image with exactly that XML ({@code
 * virDomainRestoreFlags} with {@code dxml}), so what libvirt starts is what the caller checked.
 */
public final class SaveImageCalls {
  /** {@code VIR_DOMAIN_SAVE_IMAGE_XML_SECURE}: include passwords, needed to restore with the XML. */
  static final int XML_SECURE = 1;

  /** {@code VIR_ERR_ARGUMENT_UNSUPPORTED}. */
  private static final int ARGUMENT_UNSUPPORTED = 74;

  /** The bindings. */
  interface Calls extends Library {
    Calls INSTANCE = Native.load("virt", Calls.class);

    Pointer virDomainSaveImageGetXMLDesc(Pointer conn, String file, int flags);

    int virDomainRestoreFlags(Pointer conn, String from, String dxml, int flags);
  }

  private SaveImageCalls() {}

  /** The domain XML saved in the image {@code path}. */
  public static String xml(NativeConnect conn, String path) {
    Pointer xml =
        LibvirtErrors.check(
            Calls.INSTANCE.virDomainSaveImageGetXMLDesc(conn.nativeHandle(), path, XML_SECURE),
            "virDomainSaveImageGetXMLDesc");
    try {
      return xml.getString(0, StandardCharsets.UTF_8.name());
    } finally {
      Native.free(Pointer.nativeValue(xml));
    }
  }

  /** The name of the domain in a save image's XML. */
  public static String domainName(String imageXml) {
    return DomainXml.parse(imageXml).name();
  }

  /**
   * Starts the domain saved in {@code path} with the definition {@code xml} (the checked one); a
   * driver that takes no replacement XML (libvirt's test driver: "xml modification unsupported")
   * restores the image as it is.
   */
  public static void restore(NativeConnect conn, String path, String xml, int flags) {
    try {
      LibvirtErrors.check(
          Calls.INSTANCE.virDomainRestoreFlags(conn.nativeHandle(), path, xml, flags),
          "virDomainRestoreFlags");
    } catch (LibvirtCallException e) {
      if (e.code() != ARGUMENT_UNSUPPORTED) {
        throw e;
      }
      LibvirtErrors.check(
          Calls.INSTANCE.virDomainRestoreFlags(conn.nativeHandle(), path, null, flags),
          "virDomainRestoreFlags");
    }
  }
}
