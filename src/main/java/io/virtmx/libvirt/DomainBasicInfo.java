/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DomainState;

/**
 * {@code virDomainGetInfo}: state, maximum and current memory in KiB, vCPU count and total CPU time
 * in ns.
 */
public record DomainBasicInfo(
    DomainState state, long maxMemKib, long memoryKib, int nrVirtCpu, long cpuTimeNs) {}
