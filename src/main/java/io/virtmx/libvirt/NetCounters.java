/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * Counters of one interface (host-side target device such as vnet0) as libvirt reports them; -1 if
 * absent.
 */
public record NetCounters(
    String name,
    long rxBytes,
    long rxPackets,
    long rxErrors,
    long rxDrops,
    long txBytes,
    long txPackets,
    long txErrors,
    long txDrops) {}
