/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.LibvirtCallException;
import java.util.function.Supplier;

/** Calls a driver may not support: their result, or a stand-in when libvirt says no support. */
final class Unsupported {
  private Unsupported() {}

  /** The call's result, or {@code absent} when the driver does not support it. */
  static <T> T orElse(Supplier<T> call, T absent) {
    try {
      return call.get();
    } catch (LibvirtCallException e) {
      if (e.isNoSupport()) {
        return absent;
      }
      throw e;
    }
  }
}
