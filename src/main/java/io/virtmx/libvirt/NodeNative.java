/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * JNA bindings for the node's resources that libvirt-java 0.5.4 lacks: NUMA memory and pages,
 * memory statistics and parameters, domain capabilities, and the "list all" calls of interfaces,
 * node devices, network filters, filter bindings and secrets, with node-device events. Strings
 * returned as {@link Pointer} are the caller's to free; {@code const char *} ones are {@link
 * String}.
 */
interface NodeNative extends Library {
  NodeNative INSTANCE = Native.load("virt", NodeNative.class);

  int NODE_DEVICE_EVENT_ID_LIFECYCLE = 0;

  /** {@code virConnectNodeDeviceEventLifecycleCallback}. */
  interface NodeDeviceLifecycleCallback extends Callback {
    void invoke(Pointer conn, Pointer dev, int event, int detail, Pointer opaque);
  }

  int virNodeGetCellsFreeMemory(Pointer conn, long[] freeMems, int startCell, int maxCells);

  int virNodeGetFreePages(
      Pointer conn,
      int npages,
      int[] pages,
      int startCell,
      int cellCount,
      long[] counts,
      int flags);

  int virNodeGetMemoryStats(
      Pointer conn, int cellNum, Pointer params, IntByReference nparams, int flags);

  int virNodeGetMemoryParameters(Pointer conn, Pointer params, IntByReference nparams, int flags);

  Pointer virConnectGetCapabilities(Pointer conn);

  Pointer virConnectGetDomainCapabilities(
      Pointer conn, String emulatorbin, String arch, String machine, String virttype, int flags);

  int virConnectListAllInterfaces(Pointer conn, PointerByReference ifaces, int flags);

  String virInterfaceGetName(Pointer iface);

  String virInterfaceGetMACString(Pointer iface);

  int virInterfaceIsActive(Pointer iface);

  Pointer virInterfaceGetXMLDesc(Pointer iface, int flags);

  int virInterfaceFree(Pointer iface);

  int virConnectListAllNodeDevices(Pointer conn, PointerByReference devices, int flags);

  String virNodeDeviceGetName(Pointer dev);

  Pointer virNodeDeviceGetXMLDesc(Pointer dev, int flags);

  int virNodeDeviceFree(Pointer dev);

  int virConnectListAllNWFilters(Pointer conn, PointerByReference filters, int flags);

  String virNWFilterGetName(Pointer filter);

  int virNWFilterGetUUIDString(Pointer filter, byte[] buf);

  int virNWFilterFree(Pointer filter);

  int virConnectListAllNWFilterBindings(Pointer conn, PointerByReference bindings, int flags);

  String virNWFilterBindingGetPortDev(Pointer binding);

  String virNWFilterBindingGetFilterName(Pointer binding);

  Pointer virNWFilterBindingGetXMLDesc(Pointer binding, int flags);

  int virNWFilterBindingFree(Pointer binding);

  int virConnectListAllSecrets(Pointer conn, PointerByReference secrets, int flags);

  int virSecretGetUsageType(Pointer secret);

  int virSecretFree(Pointer secret);

  int virConnectNodeDeviceEventRegisterAny(
      Pointer conn, Pointer dev, int eventId, Callback cb, Pointer opaque, Pointer freecb);

  int virConnectNodeDeviceEventDeregisterAny(Pointer conn, int callbackId);
}
