package io.virtmx.model;

/** Builds a {@link VolumeSnapshot}: a file volume whose key is its path unless set. */
public final class VolumeBuilder {
  private final String name;
  private String key;
  private String path = "";
  private long capacity = -1;
  private long allocation = -1;

  VolumeBuilder(String name) {
    this.name = name;
  }

  public VolumeBuilder path(String value) {
    path = value;
    return this;
  }

  public VolumeBuilder key(String value) {
    key = value;
    return this;
  }

  public VolumeBuilder sizes(long capacityBytes, long allocationBytes) {
    capacity = capacityBytes;
    allocation = allocationBytes;
    return this;
  }

  public VolumeSnapshot build() {
    return new VolumeSnapshot(name, key == null ? path : key, path, "file", capacity, allocation);
  }
}
