/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * JNA bindings for libvirt's "any" event registration of domains, storage pools and networks, which
 * libvirt-java covers only partly (no device, pool or network events). Callbacks run on the {@link
 * EventLoop} thread.
 */
interface LibvirtEvents extends Library {
  LibvirtEvents INSTANCE = Native.load("virt", LibvirtEvents.class);

  int DOMAIN_EVENT_ID_LIFECYCLE = 0;
  int DOMAIN_EVENT_ID_REBOOT = 1;
  int DOMAIN_EVENT_ID_BALLOON_CHANGE = 13;
  int DOMAIN_EVENT_ID_DEVICE_REMOVED = 15;
  int DOMAIN_EVENT_ID_DEVICE_ADDED = 19;
  int DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED = 22;
  int DOMAIN_EVENT_ID_BLOCK_THRESHOLD = 24;
  int POOL_EVENT_ID_LIFECYCLE = 0;
  int NETWORK_EVENT_ID_LIFECYCLE = 0;

  /** {@code virConnectDomainEventCallback}: lifecycle, with event and detail codes. */
  interface DomainLifecycleCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, int event, int detail, Pointer opaque);
  }

  /** {@code virConnectDomainEventGenericCallback}: reboot and other events without payload. */
  interface DomainGenericCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, Pointer opaque);
  }

  /**
   * {@code virConnectDomainEventDeviceAddedCallback}, {@code …DeviceRemovedCallback} and {@code
   * …DeviceRemovalFailedCallback}.
   */
  interface DomainDeviceCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, String devAlias, Pointer opaque);
  }

  /**
   * {@code virConnectDomainEventBlockThresholdCallback}: the disk (target, e.g. "vdb") and its
   * source path, the threshold that was crossed and by how many bytes it was exceeded.
   */
  interface DomainBlockThresholdCallback extends Callback {
    void invoke(
        Pointer conn,
        Pointer dom,
        String dev,
        String path,
        long threshold,
        long excess,
        Pointer opaque);
  }

  /** {@code virConnectDomainEventBalloonChangeCallback}. */
  interface DomainBalloonCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, long actualKib, Pointer opaque);
  }

  /**
   * {@code virConnectStoragePoolEventLifecycleCallback} and {@code
   * virConnectNetworkEventLifecycleCallback}.
   */
  interface ObjectLifecycleCallback extends Callback {
    void invoke(Pointer conn, Pointer object, int event, int detail, Pointer opaque);
  }

  int virConnectDomainEventRegisterAny(
      Pointer conn, Pointer dom, int eventId, Callback cb, Pointer opaque, Pointer freecb);

  int virConnectDomainEventDeregisterAny(Pointer conn, int callbackId);

  int virConnectStoragePoolEventRegisterAny(
      Pointer conn, Pointer pool, int eventId, Callback cb, Pointer opaque, Pointer freecb);

  int virConnectStoragePoolEventDeregisterAny(Pointer conn, int callbackId);

  int virConnectNetworkEventRegisterAny(
      Pointer conn, Pointer net, int eventId, Callback cb, Pointer opaque, Pointer freecb);

  int virConnectNetworkEventDeregisterAny(Pointer conn, int callbackId);

  String virDomainGetName(Pointer dom);

  int virDomainGetUUIDString(Pointer dom, byte[] buf);

  String virStoragePoolGetName(Pointer pool);

  int virStoragePoolGetUUIDString(Pointer pool, byte[] buf);

  String virNetworkGetName(Pointer net);

  int virNetworkGetUUIDString(Pointer net, byte[] buf);

  int virConnectSetKeepAlive(Pointer conn, int interval, int count);

  void virResetLastError();
}
