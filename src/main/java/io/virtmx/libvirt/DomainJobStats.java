/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.virtmx.model.JobInfo;
import io.virtmx.model.JobProgress;
import io.virtmx.model.JobType;
import io.virtmx.model.Values;
import java.time.Duration;
import java.util.Map;

/**
 * A domain's background job from {@code virDomainGetJobStats}: the call, and the pure mapping of
 * its typed parameters ({@code data_total}, {@code memory_dirty_rate}, {@code memory_iteration},
 * {@code downtime}…) into a {@link JobInfo}; libvirt's milliseconds become durations and
 * nanoseconds, its dirty pages per second bytes per second.
 */
public final class DomainJobStats {
  private DomainJobStats() {}

  /** The job of the domain {@code dom} now, or {@link JobInfo#NONE}. */
  public static JobInfo read(Pointer dom) {
    IntByReference type = new IntByReference();
    PointerByReference params = new PointerByReference();
    IntByReference count = new IntByReference();
    LibvirtErrors.check(
        JobStatsNative.INSTANCE.virDomainGetJobStats(dom, type, params, count, 0),
        "virDomainGetJobStats");
    Pointer array = params.getValue();
    try {
      return parse(type.getValue(), TypedParams.decode(array, count.getValue()));
    } finally {
      TypedParams.free(array, count.getValue());
    }
  }

  /** The job of the domain named {@code name} on {@code conn}, or {@link JobInfo#NONE}. */
  public static JobInfo read(NativeConnect conn, String name) {
    Pointer dom =
        LibvirtErrors.check(
            LibvirtNative.INSTANCE.virDomainLookupByName(conn.nativeHandle(), name),
            "virDomainLookupByName");
    try {
      return read(dom);
    } finally {
      LibvirtNative.INSTANCE.virDomainFree(dom);
    }
  }

  /** The job that {@code virDomainGetJobStats} described with {@code type} and {@code params}. */
  public static JobInfo parse(int type, Map<String, Object> params) {
    JobType jobType = JobType.ofCode(type);
    if (jobType == JobType.NONE) {
      return JobInfo.NONE;
    }
    return new JobInfo(
        jobType,
        Duration.ofMillis(Math.max(0, num(params, "time_elapsed"))),
        Duration.ofMillis(Math.max(0, num(params, "time_remaining"))),
        num(params, "data_total"),
        num(params, "data_processed"),
        num(params, "data_remaining"),
        progress(params));
  }

  private static JobProgress progress(Map<String, Object> p) {
    long downtimeMs = num(p, "downtime");
    return new JobProgress(
        num(p, "memory_total"),
        num(p, "memory_processed"),
        num(p, "memory_remaining"),
        dirtyRateBytes(p),
        num(p, "memory_iteration"),
        downtimeMs < 0 ? Values.UNKNOWN : Duration.ofMillis(downtimeMs).toNanos(),
        num(p, "disk_total"),
        num(p, "disk_processed"),
        num(p, "disk_remaining"));
  }

  /** libvirt counts dirtied pages per second; the page size makes it bytes. */
  private static long dirtyRateBytes(Map<String, Object> p) {
    long pages = num(p, "memory_dirty_rate");
    long pageSize = num(p, "memory_page_size");
    return pages < 0 || pageSize <= 0 ? Values.UNKNOWN : pages * pageSize;
  }

  private static long num(Map<String, Object> p, String key) {
    return p.get(key) instanceof Number n ? n.longValue() : Values.UNKNOWN;
  }
}
