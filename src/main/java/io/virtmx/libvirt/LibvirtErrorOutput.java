/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * Switches off libvirt's default error handler, which prints every failed call to stderr ("libvirt:
 * … error : …") even when the caller handles the failure; errors still reach callers as {@link
 * LibvirtCallException}s.
 */
public final class LibvirtErrorOutput {

  /** Kept strongly reachable: libvirt holds only the native function pointer. */
  private static final LibvirtNative.ErrorFunc IGNORE = (userData, error) -> {};

  private LibvirtErrorOutput() {}

  /**
   * Installs a handler that drops errors; process-wide, affects libvirt-java's connections too
   * (harmlessly).
   */
  public static synchronized void silence() {
    LibvirtNative.INSTANCE.virSetErrorFunc(null, IGNORE);
  }

  /** Restores libvirt's stderr printing. */
  public static synchronized void restoreDefault() {
    LibvirtNative.INSTANCE.virSetErrorFunc(null, null);
  }
}
