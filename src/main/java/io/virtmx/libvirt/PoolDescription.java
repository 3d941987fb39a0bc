package io.virtmx.libvirt;

/**
 * What a storage pool's XML description defines: its type (dir, logical, rbd…) and target path (""
 * if none).
 */
public record PoolDescription(String type, String targetPath) {}
