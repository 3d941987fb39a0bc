/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * What a virtual network's XML description defines: its bridge ("" if none) and forward mode, "nat"
 * for a bare {@code <forward/>} and "isolated" without one.
 */
public record NetworkDescription(String bridge, String forwardMode) {}
