/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/** JNA binding of {@code virDomainGetJobStats}, which libvirt-java 0.5.4 lacks. */
interface JobStatsNative extends Library {
  JobStatsNative INSTANCE = Native.load("virt", JobStatsNative.class);

  /**
   * {@code type} receives the {@code virDomainJobType}, {@code params} a typed-parameter array the
   * caller frees with {@code virTypedParamsFree}, {@code nparams} its length; 0 or -1.
   */
  int virDomainGetJobStats(
      Pointer dom, IntByReference type, PointerByReference params, IntByReference nparams, int flags);
}
