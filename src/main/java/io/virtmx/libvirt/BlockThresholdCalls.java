/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * {@code virDomainSetBlockThreshold}, which libvirt-java lacks: arms the write threshold of one disk
 * of a running domain, after which libvirt sends the block-threshold event once; throws {@link
 * LibvirtCallException} with libvirt's message when libvirt refuses.
 */
public final class BlockThresholdCalls {
  /** The binding. */
  interface Calls extends Library {
    Calls INSTANCE = Native.load("virt", Calls.class);

    int virDomainSetBlockThreshold(Pointer dom, String dev, long threshold, int flags);
  }

  private BlockThresholdCalls() {}

  /**
   * Sets the threshold of disk {@code disk} ("vdb", or "vdb[1]" for a backing image) to {@code
   * bytes} of write high-water mark; 0 disarms it.
   */
  public static void set(NativeConnect conn, String domain, String disk, long bytes) {
    Pointer dom =
        LibvirtErrors.check(
            LibvirtNative.INSTANCE.virDomainLookupByName(conn.nativeHandle(), domain),
            "virDomainLookupByName");
    try {
      LibvirtErrors.check(
          Calls.INSTANCE.virDomainSetBlockThreshold(dom, disk, bytes, 0),
          "virDomainSetBlockThreshold");
    } finally {
      NativeDomain.free(dom);
    }
  }
}
