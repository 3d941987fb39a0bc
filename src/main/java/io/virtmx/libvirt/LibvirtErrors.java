/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Pointer;

/**
 * Turns libvirt's -1/NULL failure returns into {@link LibvirtCallException}s by reading and
 * resetting the calling thread's last error (JNA runs a native call on the calling Java thread, so
 * the thread-local error is ours).
 */
final class LibvirtErrors {

  private LibvirtErrors() {}

  /** Returns {@code rc} unless it is negative, in which case throws the last error. */
  static int check(int rc, String function) {
    if (rc < 0) {
      throw lastError(function);
    }
    return rc;
  }

  /** Returns {@code p} unless it is NULL, in which case throws the last error. */
  static Pointer check(Pointer p, String function) {
    if (p == null) {
      throw lastError(function);
    }
    return p;
  }

  /** Reads the calling thread's last libvirt error into an exception and clears it. */
  static LibvirtCallException lastError(String function) {
    LibvirtNative lib = LibvirtNative.INSTANCE;
    int code = lib.virGetLastErrorCode();
    int domain = lib.virGetLastErrorDomain();
    String message = lib.virGetLastErrorMessage();
    lib.virResetLastError();
    return new LibvirtCallException(
        function, code, domain, message == null ? "unknown error" : message);
  }
}
