/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Instant;
import java.util.List;

/**
 * Something libvirt told us happened to one object of a host: a domain started, a pool was
 * undefined, a disk was hot-plugged. {@code event} and {@code detail} are libvirt's names in lower
 * case ("stopped", "destroyed").
 */
public record ObjectEvent(
    String host, Kind kind, String name, String uuid, String event, String detail, Instant at) {

  /**
   * The event of a guest that did not release a device it was asked to detach (the device's alias
   * is the detail): an error, not a lifecycle change.
   */
  public static final String DEVICE_REMOVAL_FAILED = "device-removal-failed";

  /**
   * The event of a disk whose write high-water mark passed the threshold set on it (libvirt then
   * clears the threshold): a warning; the detail names device, path, threshold and excess, see
   * {@link #blockThresholdDetail}.
   */
  public static final String BLOCK_THRESHOLD = "block-threshold";

  /** The kind of object the event is about. */
  public enum Kind {
    DOMAIN(
        "defined",
        "undefined",
        "started",
        "suspended",
        "resumed",
        "stopped",
        "shutdown",
        "pmsuspended",
        "crashed"),
    POOL("defined", "undefined", "started", "stopped", "created", "deleted"),
    NETWORK("defined", "undefined", "started", "stopped"),
    NODE_DEVICE("created", "deleted", "defined", "undefined");

    private final List<String> lifecycleEvents;

    Kind(String... lifecycleEvents) {
      this.lifecycleEvents = List.of(lifecycleEvents);
    }

    /**
     * The lifecycle events libvirt reports for this kind, in the order of libvirt's enum (the
     * event's code is its index): the values {@link ObjectEvent#event()} takes for them.
     */
    public List<String> lifecycleEvents() {
      return lifecycleEvents;
    }
  }

  /** The same event attributed to the host's configured name. */
  public ObjectEvent withHost(String hostName) {
    return new ObjectEvent(hostName, kind, name, uuid, event, detail, at);
  }

  /** True for events that report a failure ({@link #DEVICE_REMOVAL_FAILED}). */
  public boolean isError() {
    return DEVICE_REMOVAL_FAILED.equals(event);
  }

  /** True for events that warn of something about to go wrong ({@link #BLOCK_THRESHOLD}). */
  public boolean isWarning() {
    return BLOCK_THRESHOLD.equals(event);
  }

  /**
   * The detail of a {@link #BLOCK_THRESHOLD} event: "device vdb, path /var/lib/x.qcow2, threshold
   * 1048576 bytes, excess 4096 bytes" (libvirt's unsigned values printed as such).
   */
  public static String blockThresholdDetail(String dev, String path, long threshold, long excess) {
    return "device "
        + (dev == null ? "" : dev)
        + ", path "
        + (path == null ? "" : path)
        + ", threshold "
        + Long.toUnsignedString(threshold)
        + " bytes, excess "
        + Long.toUnsignedString(excess)
        + " bytes";
  }

  /** True for events after which the object no longer exists on the host. */
  public boolean removesObject() {
    return "undefined".equals(event);
  }
}
