/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * {@code virDomainGetBlockInfo} of one disk, in bytes: logical size, host allocation and host
 * physical size.
 */
public record BlockInfo(long capacityBytes, long allocationBytes, long physicalBytes) {}
