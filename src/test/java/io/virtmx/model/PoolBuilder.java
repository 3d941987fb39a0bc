package io.virtmx.model;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link PoolSnapshot}: a running, persistent, autostarted directory pool. */
public final class PoolBuilder {
  private final String name;
  private String uuid;
  private long capacity = -1;
  private long allocation = -1;
  private long available = -1;
  private String targetPath = "";
  private final List<VolumeSnapshot> volumes = new ArrayList<>();

  PoolBuilder(String name) {
    this.name = name;
    this.uuid = "uuid-" + name;
  }

  public PoolBuilder uuid(String value) {
    uuid = value;
    return this;
  }

  public PoolBuilder sizes(long capacityBytes, long allocationBytes, long availableBytes) {
    capacity = capacityBytes;
    allocation = allocationBytes;
    available = availableBytes;
    return this;
  }

  public PoolBuilder path(String value) {
    targetPath = value;
    return this;
  }

  public PoolBuilder volume(VolumeBuilder value) {
    volumes.add(value.build());
    return this;
  }

  public PoolSnapshot build() {
    return new PoolSnapshot(
        name,
        uuid,
        "dir",
        PoolState.RUNNING,
        true,
        true,
        capacity,
        allocation,
        available,
        targetPath,
        volumes);
  }
}
