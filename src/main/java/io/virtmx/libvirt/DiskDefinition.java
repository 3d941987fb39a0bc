/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * One {@code <disk>} of a domain description. {@code source} is the file, device, directory, {@code
 * pool/volume} or {@code protocol:name} by disk type, "" when there is none (an empty cdrom);
 * absent values are "".
 */
public record DiskDefinition(
    String target, String bus, String type, String device, String driverType, String source) {}
