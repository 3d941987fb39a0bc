/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DomainState;

/** A domain's state and the driver's state-specific reason code (virDomainRunningReason etc.). */
public record StateReason(DomainState state, int reason) {}
