/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.NetIo;

/** What libvirt reported of one interface: its host-side name (vnet0) and counters. */
public record NetCounters(String name, NetIo io) {}
