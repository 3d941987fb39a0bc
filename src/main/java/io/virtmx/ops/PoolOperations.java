package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Storage pool and volume operations: start/stop/refresh a pool, create, delete and resize volumes.
 */
public final class PoolOperations {
  private static final java.util.regex.Pattern VOLUME_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9._+-]{1,255}");
  private static final java.util.Set<String> FORMATS =
      java.util.Set.of("raw", "qcow2", "qed", "vmdk", "vdi", "vpc");

  private final OperationRunner runner;

  PoolOperations(OperationRunner runner) {
    this.runner = runner;
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

  private void act(Caller caller, String host, String pool, String operation, PoolAction action) {
    on(
        caller,
        host,
        pool,
        operation,
        p -> {
          action.run(p);
          return null;
        });
  }

  private <T> T on(Caller caller, String host, String pool, String operation, PoolWork<T> work) {
    return runner.run(
        caller,
        host,
        ObjectEvent.Kind.POOL,
        pool,
        operation,
        conn -> {
          StoragePool p = conn.storagePoolLookupByName(pool);
          try {
            return work.run(p);
          } finally {
            p.free();
          }
        });
  }

  public void start(Caller c, String host, String pool) {
    act(c, host, pool, "start", p -> p.create(0));
  }

  public void stop(Caller c, String host, String pool) {
    act(c, host, pool, "stop", StoragePool::destroy);
  }

  public void refresh(Caller c, String host, String pool) {
    act(c, host, pool, "refresh", p -> p.refresh(0));
  }

  public void setAutostart(Caller c, String host, String pool, boolean autostart) {
    act(c, host, pool, "setAutostart", p -> p.setAutostart(autostart ? 1 : 0));
  }

  /** Creates a volume of {@code capacityBytes} in format raw, qcow2…; returns its path. */
  public String createVolume(
      Caller c, String host, String pool, String name, long capacityBytes, String format) {
    if (name == null || !VOLUME_NAME.matcher(name).matches()) {
      throw new OperationException(
          OperationException.Reason.INVALID_ARGUMENT, "invalid volume name '" + name + "'");
    }
    DomainOperations.positive("capacity", capacityBytes);
    String fmt = format == null || format.isBlank() ? "raw" : format.strip();
    if (!FORMATS.contains(fmt)) {
      throw new OperationException(
          OperationException.Reason.INVALID_ARGUMENT,
          "unknown volume format '"
              + fmt
              + "' (use one of "
              + String.join(", ", new java.util.TreeSet<>(FORMATS))
              + ")");
    }
    String xml =
        "<volume><name>"
            + Xml.escape(name)
            + "</name><capacity unit='bytes'>"
            + capacityBytes
            + "</capacity><target><format type='"
            + fmt
            + "'/></target></volume>";
    return on(
        c,
        host,
        pool,
        "createVolume",
        p -> {
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

  private <T> T onVolume(
      Caller caller, String host, String pool, String volume, String op, VolumeWork<T> work) {
    return on(
        caller,
        host,
        pool,
        op,
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
        c,
        host,
        pool,
        volume,
        "delete",
        v -> {
          v.delete(0);
          return null;
        });
  }

  public void resizeVolume(Caller c, String host, String pool, String volume, long capacityBytes) {
    DomainOperations.positive("capacity", capacityBytes);
    onVolume(c, host, pool, volume, "resize", v -> v.resize(capacityBytes, 0));
  }
}
