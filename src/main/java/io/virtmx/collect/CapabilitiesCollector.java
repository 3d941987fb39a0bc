/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.DomainCapabilitiesXml;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.libvirt.NodeCalls;
import io.virtmx.model.DomainCapabilities;
import io.virtmx.model.GuestArch;
import io.virtmx.model.HostCapabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * The host CPU and guest architectures with each one's domain capabilities; read once per
 * connection and every {@link CapabilitiesCache#MAX_AGE}, the previous value kept in between.
 */
final class CapabilitiesCollector implements Collector<HostCapabilities> {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CapabilitiesCollector.class);

  private final CapabilitiesCache cache = new CapabilitiesCache();
  private HostCapabilities last;

  @Override
  public HostCapabilities collect(CollectionContext context) {
    NativeConnect conn = context.connection();
    if (last != null && !cache.expired(conn)) {
      return last;
    }
    HostCapabilities host = cache.get(conn).host();
    List<GuestArch> guests = new ArrayList<>();
    for (GuestArch g : host.guests()) {
      guests.add(g.withDomainCapabilities(domainCapabilities(context, g.arch())));
    }
    last = host.withGuests(guests);
    return last;
  }

  private static DomainCapabilities domainCapabilities(CollectionContext context, String arch) {
    try {
      return DomainCapabilitiesXml.parse(
          NodeCalls.domainCapabilitiesXml(context.connection().nativeHandle(), arch, null));
    } catch (LibvirtCallException e) {
      if (!e.isNoSupport()) {
        log.debug("domain capabilities of {}: {}", arch, e.getMessage());
        context.error("node");
      }
      return DomainCapabilities.UNKNOWN;
    }
  }
}
