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

/**
 * JNA bindings for the guest-agent calls libvirt-java lacks: {@code virDomainGetGuestInfo}
 * (libvirt 6.10+), {@code virDomainInterfaceAddresses}, the agent's response timeout, and the
 * connection reference the guest collection holds while it runs apart from a collection.
 */
interface GuestAgentNative extends Library {

  GuestAgentNative INSTANCE = Native.load("virt", GuestAgentNative.class);

  /**
   * {@code params} receives a libvirt-allocated typed-parameter array of {@code nparams} entries
   * (free with {@code virTypedParamsFree}); {@code types} is an OR of the info types, 0 for all.
   */
  int virDomainGetGuestInfo(
      Pointer dom, int types, PointerByReference params, IntByReference nparams, int flags);

  /**
   * {@code ifaces} receives a malloc'd array of {@code virDomainInterfacePtr}; free each with
   * {@link #virDomainInterfaceFree}, then the array with {@code free()}; returns the count or -1.
   */
  int virDomainInterfaceAddresses(Pointer dom, PointerByReference ifaces, int source, int flags);

  void virDomainInterfaceFree(Pointer iface);

  /** Takes a reference on a connection; pair with {@link #virConnectClose}. */
  int virConnectRef(Pointer conn);

  int virConnectClose(Pointer conn);
}
