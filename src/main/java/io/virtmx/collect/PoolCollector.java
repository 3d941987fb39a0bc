package io.virtmx.collect;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.libvirt.PoolDescription;
import io.virtmx.libvirt.PoolXml;
import io.virtmx.libvirt.VolumeXml;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.VolumeSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.libvirt.StorageVol;
import org.libvirt.StorageVolInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Storage pools, active and defined, with their volumes (volumes only of active pools: others cannot list). */
final class PoolCollector implements Collector<List<PoolSnapshot>> {
  private static final Logger log = LoggerFactory.getLogger(PoolCollector.class);

  @Override
  public List<PoolSnapshot> collect(CollectionContext context) throws LibvirtException {
    NativeConnect conn = context.connection();
    List<PoolSnapshot> pools = new ArrayList<>();
    for (String name : Names.concat(conn.listStoragePools(), conn.listDefinedStoragePools())) {
      try {
        pools.add(pool(conn, name));
      } catch (LibvirtException e) {
        // Removed between listing and lookup, or one broken pool: report it, keep the others.
        log.debug("pool {}: {}", name, e.getMessage());
        context.error("pool");
      }
    }
    return pools;
  }

  private static PoolSnapshot pool(NativeConnect conn, String name) throws LibvirtException {
    StoragePool pool = conn.storagePoolLookupByName(name);
    try {
      StoragePoolInfo info = pool.getInfo();
      PoolDescription desc = PoolXml.parse(pool.getXMLDesc(0));
      int state = info.state == null ? 4 : info.state.ordinal();
      List<VolumeSnapshot> volumes = state == 2 || state == 3 ? volumes(pool) : List.of();
      return new PoolSnapshot(name, pool.getUUIDString(), desc.type(), state, pool.getAutostart(),
          pool.isPersistent() == 1, info.capacity, info.allocation, info.available, desc.targetPath(), volumes);
    } finally {
      pool.free();
    }
  }

  private static List<VolumeSnapshot> volumes(StoragePool pool) throws LibvirtException {
    List<VolumeSnapshot> volumes = new ArrayList<>();
    for (String name : pool.listVolumes()) {
      StorageVol vol;
      try {
        vol = pool.storageVolLookupByName(name);
      } catch (LibvirtException e) {
        continue; // deleted since the listing
      }
      try {
        StorageVolInfo info = vol.getInfo();
        String type = info.type != null ? volumeType(info.type) : VolumeXml.parse(vol.getXMLDesc(0)).type();
        volumes.add(new VolumeSnapshot(name, vol.getKey(), vol.getPath(), type, info.capacity, info.allocation));
      } finally {
        vol.free();
      }
    }
    return volumes;
  }

  private static String volumeType(StorageVolInfo.VirStorageVolType type) {
    return type == StorageVolInfo.VirStorageVolType.VIR_STORAGE_VOL_BLOCK ? "block" : "file";
  }
}
