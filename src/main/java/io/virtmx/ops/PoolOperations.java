/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Storage pool and volume operations: start/stop/refresh a pool and set its autostart on any pool
 * (they touch no host file outside it); create, delete and resize volumes only in pools whose target
 * lies inside a {@code --disk-dir} ({@link ConfinedPools}), whichever view asks.
 */
public final class PoolOperations {
  private static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9._+-]{1,255}");
  private static final Set<String> FORMATS = Set.of("raw", "qcow2", "qed", "vmdk", "vdi", "vpc");

  private final OperationRunner runner;
  private final ConfinedPools confinement;

  PoolOperations(OperationRunner runner, ConfinedPaths diskDirs) {
    this.runner = runner;
    this.confinement = new ConfinedPools(diskDirs);
  }

  @FunctionalInterface
  private interface PoolWork<T> {
    T run(StoragePool pool) throws LibvirtException;
  }

  /** libvirt work on a pool that returns nothing worth returning. */
  @FunctionalInterface
  private interface PoolAction {
    void run(StoragePool pool) throws LibvirtException;
  }

  private static Attempt attempt(Caller caller, String host, String pool, String operation) {
    return Attempt.on(caller, host, ObjectEvent.Kind.POOL, pool, operation);
  }

  /** Pool work open to every pool: it changes no host file outside the pool. */
  private void act(Attempt attempt, String pool, PoolAction action) {
    run(
        attempt,
        pool,
        false,
        p -> {
          action.run(p);
          return null;
        });
  }

  /** Volume work, refused for a pool whose target is not inside a disk dir. */
  private <T> T on(Attempt attempt, String pool, PoolWork<T> work) {
    return run(attempt, pool, true, work);
  }

  private <T> T run(Attempt attempt, String pool, boolean confined, PoolWork<T> work) {
    return runner.run(
        attempt,
        conn -> {
          if (confined) {
            confinement.check(conn, List.of(pool));
          }
          StoragePool p = conn.storagePoolLookupByName(pool);
          try {
            return work.run(p);
          } finally {
            p.free();
          }
        });
  }

  public void start(Caller c, String host, String pool) {
    act(attempt(c, host, pool, "start"), pool, p -> p.create(0));
  }

  public void stop(Caller c, String host, String pool) {
    act(attempt(c, host, pool, "stop"), pool, StoragePool::destroy);
  }

  public void refresh(Caller c, String host, String pool) {
    act(attempt(c, host, pool, "refresh"), pool, p -> p.refresh(0));
  }

  public void setAutostart(Caller c, String host, String pool, boolean autostart) {
    act(
        attempt(c, host, pool, "setAutostart").arg("autostart", autostart),
        pool,
        p -> p.setAutostart(autostart ? 1 : 0));
  }

  /** Creates a volume of {@code capacityBytes} in format raw, qcow2…; returns its path. */
  public String createVolume(
      Caller c, String host, String pool, String name, long capacityBytes, String format) {
    String fmt = format == null || format.isBlank() ? "raw" : format.strip();
    Attempt a =
        attempt(c, host, pool, "createVolume")
            .arg("volume", name)
            .arg("capacity-bytes", capacityBytes)
            .arg("format", fmt)
            .require(
                name != null && VOLUME_NAME.matcher(name).matches(),
                "invalid volume name '" + name + "'");
    DomainOperations.positive(a, "capacity", capacityBytes)
        .require(
            FORMATS.contains(fmt),
            "unknown volume format '"
                + fmt
                + "' (use one of "
                + String.join(", ", new TreeSet<>(FORMATS))
                + ")");
    return on(
        a,
        pool,
        p -> {
          String xml =
              "<volume><name>"
                  + Xml.escape(name)
                  + "</name><capacity unit='bytes'>"
                  + capacityBytes
                  + "</capacity><target><format type='"
                  + fmt
                  + "'/></target></volume>";
          StorageVol v = p.storageVolCreateXML(xml, 0);
          try {
            return v.getPath();
          } finally {
            v.free();
          }
        });
  }

  @FunctionalInterface
  private interface VolumeWork<T> {
    T run(StorageVol volume) throws LibvirtException;
  }

  private <T> T onVolume(Attempt attempt, String pool, String volume, VolumeWork<T> work) {
    return on(
        attempt,
        pool,
        p -> {
          StorageVol v = p.storageVolLookupByName(volume);
          try {
            return work.run(v);
          } finally {
            v.free();
          }
        });
  }

  public void deleteVolume(Caller c, String host, String pool, String volume) {
    onVolume(
        Attempt.onVolume(c, host, pool, volume, "delete"),
        pool,
        volume,
        v -> {
          v.delete(0);
          return null;
        });
  }

  /**
   * Deletes the volume of {@code pool} whose path is {@code path}, as libvirt finds it now (not as
   * the last collection saw it); a path of no volume of that pool is NOT_FOUND.
   */
  public void deleteVolumeAt(Caller c, String host, String pool, String path) {
    on(
        attempt(c, host, pool, "delete").arg("path", path),
        pool,
        p -> {
          for (String name : p.listVolumes()) {
            StorageVol v = p.storageVolLookupByName(name);
            try {
              if (v.getPath().equals(path)) {
                v.delete(0);
                return null;
              }
            } finally {
              v.free();
            }
          }
          throw new OperationException(
              OperationException.Reason.NOT_FOUND, "no volume " + path + " in pool " + pool);
        });
  }

  public void resizeVolume(Caller c, String host, String pool, String volume, long capacityBytes) {
    Attempt a =
        Attempt.onVolume(c, host, pool, volume, "resize").arg("capacity-bytes", capacityBytes);
    onVolume(
        DomainOperations.positive(a, "capacity", capacityBytes),
        pool,
        volume,
        v -> v.resize(capacityBytes, 0));
  }
}
