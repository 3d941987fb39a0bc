/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static io.virtmx.libvirt.NativeLayout.STATS_RECORD_DOM;
import static io.virtmx.libvirt.NativeLayout.STATS_RECORD_NPARAMS;
import static io.virtmx.libvirt.NativeLayout.STATS_RECORD_PARAMS;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code virConnectGetAllDomainStats} result: the decoded records plus ownership of the native
 * list, which {@link #close()} frees exactly once (that also drops the domain references the
 * records' pointers rely on).
 */
public final class DomainStatsBatch implements AutoCloseable {

  public static final int FLAG_ACTIVE = 1;
  public static final int FLAG_INACTIVE = 1 << 1;
  public static final int FLAG_PERSISTENT = 1 << 2;
  public static final int FLAG_TRANSIENT = 1 << 3;
  public static final int FLAG_RUNNING = 1 << 4;
  public static final int FLAG_PAUSED = 1 << 5;
  public static final int FLAG_SHUTOFF = 1 << 6;
  public static final int FLAG_OTHER = 1 << 7;

  /** Report what can be had without waiting for a domain job (since 4.5.0). */
  public static final int FLAG_NOWAIT = 1 << 29;

  /** Also report backing-chain images as extra block.N entries carrying block.N.backingIndex. */
  public static final int FLAG_BACKING = 1 << 30;

  /** Fail instead of silently leaving out groups the driver does not support. */
  public static final int FLAG_ENFORCE_STATS = 1 << 31;

  private final Pointer list;
  private final List<DomainStatsRecord> records;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DomainStatsBatch(Pointer list, List<DomainStatsRecord> records) {
    this.list = list;
    this.records = records;
  }

  /**
   * Fetches statistics of {@code groups} (a {@link StatsGroup#mask}; 0 means every group the driver
   * supports) for the domains {@code flags} selects (0 means all).
   */
  public static DomainStatsBatch fetch(Pointer conn, int groups, int flags) {
    PointerByReference ret = new PointerByReference();
    int n =
        LibvirtErrors.check(
            LibvirtNative.INSTANCE.virConnectGetAllDomainStats(conn, groups, ret, flags),
            "virConnectGetAllDomainStats");
    return of(ret.getValue(), n);
  }

  /**
   * Fetches statistics of one domain, found by UUID ({@code virDomainListGetStats}): the same
   * record as the bulk call gives, for refreshing a single domain after an event. Throws with
   * {@code isNoDomain()} if it is gone.
   */
  public static DomainStatsBatch fetchOne(Pointer conn, String uuid, int groups) {
    Pointer dom =
        LibvirtErrors.check(
            LibvirtNative.INSTANCE.virDomainLookupByUUIDString(conn, uuid),
            "virDomainLookupByUUIDString");
    try {
      PointerByReference ret = new PointerByReference();
      int n =
          LibvirtErrors.check(
              LibvirtNative.INSTANCE.virDomainListGetStats(
                  new Pointer[] {dom, null}, groups, ret, 0),
              "virDomainListGetStats");
      return of(ret.getValue(), n);
    } finally {
      LibvirtNative.INSTANCE.virDomainFree(dom); // the records hold references of their own
    }
  }

  private static DomainStatsBatch of(Pointer list, int n) {
    if (list == null) {
      return new DomainStatsBatch(null, List.of());
    }
    try {
      return new DomainStatsBatch(list, decode(list, n));
    } catch (RuntimeException e) {
      LibvirtNative.INSTANCE.virDomainStatsRecordListFree(list);
      throw e;
    }
  }

  private static List<DomainStatsRecord> decode(Pointer list, int n) {
    List<DomainStatsRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Pointer rec = list.getPointer((long) i * Native.POINTER_SIZE);
      if (rec == null) {
        break;
      }
      Pointer dom = rec.getPointer(STATS_RECORD_DOM);
      Pointer params = rec.getPointer(STATS_RECORD_PARAMS);
      int nparams = rec.getInt(STATS_RECORD_NPARAMS);
      out.add(
          new DomainStatsRecord(
              dom,
              NativeDomain.name(dom),
              NativeDomain.uuid(dom),
              TypedParams.decode(params, nparams)));
    }
    return Collections.unmodifiableList(out);
  }

  /** The records in libvirt's order; their domain pointers are valid until {@link #close()}. */
  public List<DomainStatsRecord> records() {
    if (closed.get()) {
      throw new IllegalStateException("batch is closed");
    }
    return records;
  }

  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && list != null) {
      LibvirtNative.INSTANCE.virDomainStatsRecordListFree(list);
    }
  }
}
