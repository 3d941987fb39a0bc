/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * What a storage volume's XML description defines: type (file, block…), target path and format
 * (qcow2, raw…).
 */
public record VolumeDescription(String type, String targetPath, String format) {}
