/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.libvirt.PoolDescription;
import io.virtmx.libvirt.PoolXml;
import io.virtmx.libvirt.StorageVolumes;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.PoolState;
import io.virtmx.model.VolumeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage pools, active and defined, with the volumes of the active ones: one listing call per
 * pool, the volumes' info calls spread over the worker pool, and each volume's key, name and path
 * (fixed for its life) remembered by its key, so consecutive snapshots share those strings; in
 * directory and file-system pools, where libvirt makes the key the path, the path is the key,
 * taken without a call.
 */
final class PoolCollector implements Collector<List<PoolSnapshot>> {
  private static final Logger log = LoggerFactory.getLogger(PoolCollector.class);

  private static final Set<String> FILE_POOLS = Set.of("dir", "fs", "netfs");

  /** A volume's strings as first seen. */
  private record VolumeNames(String key, String name, String path) {}

  private final Map<String, VolumeNames> namesByKey = new ConcurrentHashMap<>();

  @Override
  public List<PoolSnapshot> collect(CollectionContext context)
      throws LibvirtException, InterruptedException {
    NativeConnect conn = context.connection();
    List<PoolSnapshot> pools = new ArrayList<>();
    for (String name : Names.concat(conn.listStoragePools(), conn.listDefinedStoragePools())) {
      try {
        pools.add(pool(context, name));
      } catch (LibvirtException | LibvirtCallException | ExecutionException e) {
        // Removed between listing and lookup, or one broken pool: report it, keep the others.
        log.debug("pool {}: {}", name, e.getMessage());
        context.error("pool");
      }
    }
    Set<String> keys =
        pools.stream()
            .flatMap(p -> p.volumes().stream())
            .map(VolumeSnapshot::key)
            .collect(Collectors.toSet());
    namesByKey.keySet().retainAll(keys);
    return pools;
  }

  private PoolSnapshot pool(CollectionContext context, String name)
      throws LibvirtException, InterruptedException, ExecutionException {
    StoragePool pool = context.connection().storagePoolLookupByName(name);
    try {
      StoragePoolInfo info = pool.getInfo();
      PoolDescription desc = PoolXml.parse(pool.getXMLDesc(0));
      PoolState state =
          info.state == null ? PoolState.INACCESSIBLE : PoolState.ofCode(info.state.ordinal());
      List<VolumeSnapshot> volumes =
          state.usable() ? volumes(context, name, filesUnder(desc)) : List.of();
      return new PoolSnapshot(
          name,
          pool.getUUIDString(),
          desc.type(),
          state,
          pool.getAutostart(),
          pool.isPersistent() == 1,
          info.capacity,
          info.allocation,
          info.available,
          desc.targetPath(),
          volumes);
    } finally {
      pool.free();
    }
  }

  /**
   * The directory of a pool whose volumes are files named after the volume in it, with their path
   * as their key (libvirt's directory and file-system backends); null for other pools, whose
   * volumes' paths are asked for.
   */
  private static String filesUnder(PoolDescription desc) {
    return FILE_POOLS.contains(desc.type()) && !desc.targetPath().isEmpty()
        ? desc.targetPath()
        : null;
  }

  private List<VolumeSnapshot> volumes(CollectionContext context, String pool, String directory)
      throws InterruptedException, ExecutionException {
    try (StorageVolumes list = StorageVolumes.list(context.connection().nativeHandle(), pool)) {
      List<Future<VolumeSnapshot>> pending = new ArrayList<>(list.handles().size());
      for (StorageVolumes.Handle h : list.handles()) {
        pending.add(context.workers().submit(() -> volume(h, directory)));
      }
      List<VolumeSnapshot> out = new ArrayList<>(pending.size());
      for (Future<VolumeSnapshot> f : pending) {
        VolumeSnapshot v = volumeOrNull(f);
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
  }

  /**
   * One volume: its info, and its path — the key when that is the file named after the volume in
   * the pool's directory, else asked once and remembered by key.
   */
  private VolumeSnapshot volume(StorageVolumes.Handle h, String directory) {
    StorageVolumes.Info info = StorageVolumes.info(h.volume());
    VolumeNames known =
        namesByKey.computeIfAbsent(
            h.key(),
            k ->
                new VolumeNames(
                    k,
                    h.name(),
                    directory != null && k.equals(directory + "/" + h.name())
                        ? k
                        : StorageVolumes.path(h.volume())));
    String name = known.name().equals(h.name()) ? known.name() : h.name();
    return new VolumeSnapshot(
        name, known.key(), known.path(), info.type(), info.capacityBytes(), info.allocationBytes());
  }

  /** A volume deleted since the listing is left out; other failures fail the pool. */
  private static VolumeSnapshot volumeOrNull(Future<VolumeSnapshot> f)
      throws InterruptedException, ExecutionException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LibvirtCallException lce
          && lce.code() == 50) { // VIR_ERR_NO_STORAGE_VOL
        return null;
      }
      throw e;
    }
  }
}
