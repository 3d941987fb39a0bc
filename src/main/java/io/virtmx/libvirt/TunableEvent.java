/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * libvirt's tunable-change domain event ({@code VIR_DOMAIN_EVENT_ID_TUNABLE}), sent when a live
 * change such as {@code virsh vcpupin --live} alters the domain's tuning; the typed parameters
 * are not read, the event only tells the collector to read the domain's definition again.
 */
interface TunableEvent {
  int DOMAIN_EVENT_ID_TUNABLE = 17;

  /** {@code virConnectDomainEventTunableCallback}. */
  interface Listener extends Callback {
    void invoke(Pointer conn, Pointer dom, Pointer params, int nparams, Pointer opaque);
  }
}
