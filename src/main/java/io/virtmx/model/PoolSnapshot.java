package io.virtmx.model;

import java.util.List;

/**
 * One storage pool and its volumes. {@code state} is libvirt's {@code virStoragePoolState} code (0
 * inactive, 1 building, 2 running, 3 degraded, 4 inaccessible); sizes are bytes.
 */
public record PoolSnapshot(
    String name,
    String uuid,
    String type,
    int state,
    boolean autostart,
    boolean persistent,
    long capacityBytes,
    long allocationBytes,
    long availableBytes,
    String targetPath,
    List<VolumeSnapshot> volumes) {

  public PoolSnapshot {
    volumes = List.copyOf(volumes);
  }

  public boolean active() {
    return state == 2 || state == 3;
  }

  public static String stateLabel(int state) {
    return switch (state) {
      case 0 -> "inactive";
      case 1 -> "building";
      case 2 -> "running";
      case 3 -> "degraded";
      case 4 -> "inaccessible";
      default -> "unknown";
    };
  }
}
