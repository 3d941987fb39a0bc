/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Direct JNA bindings to the few libvirt calls libvirt-java 0.5.4 lacks or that must run on raw
 * pointers.
 *
 * <p>All handles ({@code virConnectPtr}, {@code virDomainPtr}, {@code virNetworkPtr}) are plain
 * {@link Pointer}s. C {@code size_t} and {@code unsigned long} are {@link NativeLong} (64 bits on
 * LP64), {@code long long} is {@code long}, {@code unsigned int} is {@code int}. Structs are
 * caller-allocated {@link com.sun.jna.Memory} blocks read at the offsets documented in {@link
 * NativeLayout}. Every {@code char *} that libvirt hands over to the caller is returned as a {@link
 * Pointer} so the caller can release it with {@code free()} ({@link Native#free}); {@code const
 * char *} results owned by libvirt are returned as {@link String}.
 */
public interface LibvirtNative extends Library {

  LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

  // --- bulk domain statistics
  // -------------------------------------------------------------------------------

  /**
   * {@code retStats} receives a NULL-terminated {@code virDomainStatsRecordPtr *}; returns the
   * count or -1.
   */
  int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

  /** Frees the list, its records, their typed parameters and the domain references they hold. */
  void virDomainStatsRecordListFree(Pointer stats);

  /** {@code doms} is a NULL-terminated array of domain pointers. */
  int virDomainListGetStats(Pointer[] doms, int stats, PointerByReference retStats, int flags);

  Pointer virDomainLookupByUUIDString(Pointer conn, String uuid);

  Pointer virDomainLookupByName(Pointer conn, String name);

  // --- domain identity and state
  // ----------------------------------------------------------------------------

  /** Returns a string owned by the domain object (do not free), or NULL. */
  String virDomainGetName(Pointer dom);

  /** {@code buf} must hold VIR_UUID_STRING_BUFLEN (37) bytes. */
  int virDomainGetUUIDString(Pointer dom, byte[] buf);

  /** Returns the hypervisor id, or (unsigned) -1 for an inactive domain or on error. */
  int virDomainGetID(Pointer dom);

  int virDomainGetState(Pointer dom, IntByReference state, IntByReference reason, int flags);

  /** {@code info} is a virDomainInfo (40 bytes). */
  int virDomainGetInfo(Pointer dom, Pointer info);

  int virDomainIsPersistent(Pointer dom);

  int virDomainGetAutostart(Pointer dom, IntByReference autostart);

  /** Returns a malloc'd string the caller must free(), or NULL. */
  Pointer virDomainGetXMLDesc(Pointer dom, int flags);

  int virDomainRef(Pointer dom);

  int virDomainFree(Pointer dom);

  // --- domain devices and resources
  // -------------------------------------------------------------------------

  /**
   * With {@code nparams} 0 on input reports how many fields the driver has; then fills {@code
   * params}.
   */
  int virDomainBlockStatsFlags(
      Pointer dom, String disk, Pointer params, IntByReference nparams, int flags);

  /** {@code stats} is a virDomainBlockStatsStruct (40 bytes), {@code size} its size. */
  int virDomainBlockStats(Pointer dom, String disk, Pointer stats, NativeLong size);

  /** {@code info} is a virDomainBlockInfo (24 bytes). */
  int virDomainGetBlockInfo(Pointer dom, String disk, Pointer info, int flags);

  /** {@code stats} is a virDomainInterfaceStatsStruct (64 bytes), {@code size} its size. */
  int virDomainInterfaceStats(Pointer dom, String device, Pointer stats, NativeLong size);

  /**
   * {@code stats} is an array of {@code nrStats} virDomainMemoryStatStruct (16 bytes each); returns
   * the count.
   */
  int virDomainMemoryStats(Pointer dom, Pointer stats, int nrStats, int flags);

  /**
   * {@code info} is an array of {@code maxinfo} virVcpuInfo (24 bytes each); cpumaps may be NULL
   * with maplen 0.
   */
  int virDomainGetVcpus(Pointer dom, Pointer info, int maxinfo, Pointer cpumaps, int maplen);

  int virDomainGetVcpusFlags(Pointer dom, int flags);

  /** {@code info} is a virDomainJobInfo (96 bytes). */
  int virDomainGetJobInfo(Pointer dom, Pointer info);

  // --- host and networks
  // ------------------------------------------------------------------------------------

  /**
   * {@code params} is an array of virNodeCPUStats (88 bytes each); NULL with {@code nparams} 0 asks
   * the count.
   */
  int virNodeGetCPUStats(
      Pointer conn, int cpuNum, Pointer params, IntByReference nparams, int flags);

  // --- storage
  // --------------------------------------------------------------------------------------------

  Pointer virStoragePoolLookupByName(Pointer conn, String name);

  int virStoragePoolFree(Pointer pool);

  /**
   * {@code vols} receives a malloc'd array of volume pointers; each must be freed, then the array.
   */
  int virStoragePoolListAllVolumes(Pointer pool, PointerByReference vols, int flags);

  /** Owned by the volume object. */
  String virStorageVolGetName(Pointer vol);

  /** Owned by the volume object. */
  String virStorageVolGetKey(Pointer vol);

  /** Returns a malloc'd string the caller must free(), or NULL. */
  Pointer virStorageVolGetPath(Pointer vol);

  /**
   * {@code info} is a virStorageVolInfo (24 bytes: int type, pad, ull capacity, ull allocation).
   */
  int virStorageVolGetInfo(Pointer vol, Pointer info);

  int virStorageVolFree(Pointer vol);

  Pointer virNetworkLookupByName(Pointer conn, String name);

  int virNetworkFree(Pointer net);

  /**
   * {@code leases} receives a malloc'd array of lease pointers (or pass NULL to only count);
   * returns the count.
   */
  int virNetworkGetDHCPLeases(Pointer net, String mac, PointerByReference leases, int flags);

  void virNetworkDHCPLeaseFree(Pointer lease);

  // --- typed parameters
  // -------------------------------------------------------------------------------------

  /** Frees the string values and the array itself (for arrays libvirt allocated). */
  void virTypedParamsFree(Pointer params, int nparams);

  /** Frees the string values only (for arrays the caller allocated). */
  void virTypedParamsClear(Pointer params, int nparams);

  // --- errors (thread-local in libvirt)
  // ---------------------------------------------------------------------

  int virGetLastErrorCode();

  int virGetLastErrorDomain();

  /** Returns a string owned by libvirt ("no error" when there is none). */
  String virGetLastErrorMessage();

  void virResetLastError();

  /**
   * Global handler libvirt calls on every error; NULL restores the default, which prints to stderr.
   */
  void virSetErrorFunc(Pointer userData, ErrorFunc handler);

  /** {@code virErrorFunc}: receives the user data and the {@code virErrorPtr} just raised. */
  interface ErrorFunc extends Callback {
    void invoke(Pointer userData, Pointer error);
  }
}
