package io.virtmx.model;

/**
 * One storage volume: {@code type} as libvirt names it (file, block, dir, network, netdir, ploop);
 * sizes bytes.
 */
public record VolumeSnapshot(
    String name, String key, String path, String type, long capacityBytes, long allocationBytes) {}
