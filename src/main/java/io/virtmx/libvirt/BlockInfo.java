package io.virtmx.libvirt;

/**
 * {@code virDomainGetBlockInfo} of one disk, in bytes: logical size, host allocation and host
 * physical size.
 */
public record BlockInfo(long capacityBytes, long allocationBytes, long physicalBytes) {}
