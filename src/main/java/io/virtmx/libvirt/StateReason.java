package io.virtmx.libvirt;

import io.virtmx.model.DomainState;

/** A domain's state and the driver's state-specific reason code (virDomainRunningReason etc.). */
public record StateReason(DomainState state, int reason) {}
