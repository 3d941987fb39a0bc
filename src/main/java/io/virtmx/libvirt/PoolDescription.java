/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * What a storage pool's XML description defines: its type (dir, logical, rbd…) and target path (""
 * if none).
 */
public record PoolDescription(String type, String targetPath) {}
