/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Pointer;
import io.virtmx.model.ObjectEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event callbacks of one open connection: domain lifecycle, reboot, balloon, tuning and device
 * changes, block write thresholds reached,
 * pool, network and node-device lifecycle, each turned into an {@link ObjectEvent}. Holds the JNA callback
 * objects for as long as they are registered (libvirt keeps only a native pointer to them) and
 * deregisters them on {@link #cancel()}.
 */
final class EventSubscription {
  private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);
  private static final LibvirtEvents lib = LibvirtEvents.INSTANCE;

  private final Pointer conn;
  private final String host;
  private final Consumer<ObjectEvent> sink;
  private final List<Object> callbacks = new ArrayList<>();
  private final List<Integer> domainIds = new ArrayList<>();
  private int poolId = -1;
  private int networkId = -1;
  private int nodeDeviceId = -1;

  private EventSubscription(Pointer conn, String host, Consumer<ObjectEvent> sink) {
    this.conn = conn;
    this.host = host;
    this.sink = sink;
  }

  /**
   * Registers every callback this driver supports; an unsupported kind is logged at debug level and
   * skipped.
   */
  static EventSubscription register(Pointer conn, String host, Consumer<ObjectEvent> sink) {
    EventSubscription s = new EventSubscription(conn, host, sink);
    s.registerDomainEvents();
    s.registerPoolEvents();
    s.registerNetworkEvents();
    s.registerNodeDeviceEvents();
    return s;
  }

  private void registerDomainEvents() {
    LibvirtEvents.DomainLifecycleCallback lifecycle =
        (c, dom, event, detail, o) ->
            emitDomain(dom, EventNames.domainEvent(event), EventNames.domainDetail(event, detail));
    LibvirtEvents.DomainGenericCallback reboot = (c, dom, o) -> emitDomain(dom, "rebooted", "");
    LibvirtEvents.DomainBalloonCallback balloon =
        (c, dom, actual, o) -> emitDomain(dom, "balloon-changed", "");
    LibvirtEvents.DomainDeviceCallback added =
        (c, dom, alias, o) -> emitDomain(dom, "device-added", alias);
    LibvirtEvents.DomainDeviceCallback removed =
        (c, dom, alias, o) -> emitDomain(dom, "device-removed", alias);
    LibvirtEvents.DomainDeviceCallback removalFailed =
        (c, dom, alias, o) -> emitDomain(dom, ObjectEvent.DEVICE_REMOVAL_FAILED, alias);
    LibvirtEvents.DomainBlockThresholdCallback threshold =
        (c, dom, dev, path, limit, excess, o) ->
            emitDomain(
                dom,
                ObjectEvent.BLOCK_THRESHOLD,
                ObjectEvent.blockThresholdDetail(dev, path, limit, excess));
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_LIFECYCLE, lifecycle);
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_REBOOT, reboot);
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_BALLOON_CHANGE, balloon);
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_DEVICE_ADDED, added);
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_DEVICE_REMOVED, removed);
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, removalFailed);
    domainCallback(LibvirtEvents.DOMAIN_EVENT_ID_BLOCK_THRESHOLD, threshold);
    TunableEvent.Listener tunable = (c, dom, params, n, o) -> emitDomain(dom, "tunable-changed", "");
    domainCallback(TunableEvent.DOMAIN_EVENT_ID_TUNABLE, tunable);
  }

  private void domainCallback(int eventId, com.sun.jna.Callback cb) {
    int id = lib.virConnectDomainEventRegisterAny(conn, null, eventId, cb, null, null);
    if (id < 0) {
      unsupported("domain event " + eventId);
      return;
    }
    callbacks.add(cb);
    domainIds.add(id);
  }

  private void registerPoolEvents() {
    LibvirtEvents.ObjectLifecycleCallback cb =
        (c, pool, event, detail, o) ->
            emit(
                ObjectEvent.Kind.POOL,
                lib.virStoragePoolGetName(pool),
                uuid(b -> lib.virStoragePoolGetUUIDString(pool, b)),
                EventNames.poolEvent(event),
                "");
    poolId =
        lib.virConnectStoragePoolEventRegisterAny(
            conn, null, LibvirtEvents.POOL_EVENT_ID_LIFECYCLE, cb, null, null);
    if (poolId < 0) {
      unsupported("storage pool events");
    } else {
      callbacks.add(cb);
    }
  }

  private void registerNetworkEvents() {
    LibvirtEvents.ObjectLifecycleCallback cb =
        (c, net, event, detail, o) ->
            emit(
                ObjectEvent.Kind.NETWORK,
                lib.virNetworkGetName(net),
                uuid(b -> lib.virNetworkGetUUIDString(net, b)),
                EventNames.networkEvent(event),
                "");
    networkId =
        lib.virConnectNetworkEventRegisterAny(
            conn, null, LibvirtEvents.NETWORK_EVENT_ID_LIFECYCLE, cb, null, null);
    if (networkId < 0) {
      unsupported("network events");
    } else {
      callbacks.add(cb);
    }
  }

  private void registerNodeDeviceEvents() {
    NodeNative node = NodeNative.INSTANCE;
    NodeNative.NodeDeviceLifecycleCallback cb =
        (c, dev, event, detail, o) ->
            emit(
                ObjectEvent.Kind.NODE_DEVICE,
                node.virNodeDeviceGetName(dev),
                "",
                EventNames.nodeDeviceEvent(event),
                "");
    nodeDeviceId =
        node.virConnectNodeDeviceEventRegisterAny(
            conn, null, NodeNative.NODE_DEVICE_EVENT_ID_LIFECYCLE, cb, null, null);
    if (nodeDeviceId < 0) {
      unsupported("node device events");
    } else {
      callbacks.add(cb);
    }
  }

  private static String uuid(ToIntFunction<byte[]> call) {
    byte[] buf = new byte[37]; // VIR_UUID_STRING_BUFLEN
    if (call.applyAsInt(buf) < 0) {
      return "";
    }
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    return new String(buf, 0, len, StandardCharsets.US_ASCII);
  }

  private void emitDomain(Pointer dom, String event, String detail) {
    emit(
        ObjectEvent.Kind.DOMAIN,
        lib.virDomainGetName(dom),
        uuid(b -> lib.virDomainGetUUIDString(dom, b)),
        event,
        detail == null ? "" : detail);
  }

  private void emit(ObjectEvent.Kind kind, String name, String uuid, String event, String detail) {
    try {
      sink.accept(new ObjectEvent(host, kind, name, uuid, event, detail, Instant.now()));
    } catch (RuntimeException e) {
      // Never let an exception unwind into libvirt's native event loop.
      log.warn("event handler failed for {} {} {}: {}", kind, name, event, e.toString());
    }
  }

  private void unsupported(String what) {
    lib.virResetLastError();
    log.debug("{}: {} not supported by this driver", host, what);
  }

  /** Deregisters everything; errors (the connection may be dead already) are ignored. */
  void cancel() {
    for (int id : domainIds) {
      lib.virConnectDomainEventDeregisterAny(conn, id);
    }
    if (poolId >= 0) {
      lib.virConnectStoragePoolEventDeregisterAny(conn, poolId);
    }
    if (networkId >= 0) {
      lib.virConnectNetworkEventDeregisterAny(conn, networkId);
    }
    if (nodeDeviceId >= 0) {
      NodeNative.INSTANCE.virConnectNodeDeviceEventDeregisterAny(conn, nodeDeviceId);
    }
    lib.virResetLastError();
    domainIds.clear();
    callbacks.clear();
  }
}
