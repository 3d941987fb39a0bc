/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * One {@code <interface>} of a domain description. {@code source} is the network for type network,
 * the bridge for bridge, the host device for direct, and so on; {@code target} (vnetN) is "" when
 * the domain is not running.
 */
public record InterfaceDefinition(
    String target, String mac, String type, String source, String model) {}
