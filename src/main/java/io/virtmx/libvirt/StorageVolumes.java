/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The volumes of one storage pool from one {@code virStoragePoolListAllVolumes} call (names and
 * keys come with it, no call per volume), with handles for the per-volume info and path calls;
 * {@link #close()} frees them all. libvirt-java lists names only and needs a lookup call per
 * volume, which costs thousands of round trips on a large pool.
 */
public final class StorageVolumes implements AutoCloseable {
  private static final LibvirtNative LIB = LibvirtNative.INSTANCE;
  private static final List<String> TYPES =
      List.of("file", "block", "dir", "network", "netdir", "ploop");

  /** One volume: its handle (valid until close), name and key. */
  public record Handle(Pointer volume, String name, String key) {}

  /** {@code virStorageVolGetInfo}: type name, capacity and allocation in bytes. */
  public record Info(String type, long capacityBytes, long allocationBytes) {}

  private final Pointer array;
  private final List<Handle> handles;

  private StorageVolumes(Pointer array, List<Handle> handles) {
    this.array = array;
    this.handles = handles;
  }

  /** Lists the volumes of the (active) pool named {@code pool}. */
  public static StorageVolumes list(Pointer conn, String pool) {
    Pointer p =
        LibvirtErrors.check(
            LIB.virStoragePoolLookupByName(conn, pool), "virStoragePoolLookupByName");
    try {
      PointerByReference ref = new PointerByReference();
      int n =
          LibvirtErrors.check(
              LIB.virStoragePoolListAllVolumes(p, ref, 0), "virStoragePoolListAllVolumes");
      Pointer array = ref.getValue();
      List<Handle> handles = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Pointer vol = array.getPointer((long) i * Native.POINTER_SIZE);
        handles.add(new Handle(vol, LIB.virStorageVolGetName(vol), LIB.virStorageVolGetKey(vol)));
      }
      return new StorageVolumes(array, Collections.unmodifiableList(handles));
    } finally {
      LIB.virStoragePoolFree(p);
    }
  }

  public List<Handle> handles() {
    return handles;
  }

  public static Info info(Pointer volume) {
    try (Memory m = new Memory(24)) {
      m.clear();
      LibvirtErrors.check(LIB.virStorageVolGetInfo(volume, m), "virStorageVolGetInfo");
      int type = m.getInt(0);
      return new Info(
          type >= 0 && type < TYPES.size() ? TYPES.get(type) : "unknown-" + type,
          m.getLong(8),
          m.getLong(16));
    }
  }

  public static String path(Pointer volume) {
    Pointer s = LibvirtErrors.check(LIB.virStorageVolGetPath(volume), "virStorageVolGetPath");
    try {
      return s.getString(0);
    } finally {
      Native.free(Pointer.nativeValue(s));
    }
  }

  @Override
  public void close() {
    for (Handle h : handles) {
      LIB.virStorageVolFree(h.volume());
    }
    if (array != null) {
      Native.free(Pointer.nativeValue(array));
    }
  }
}
