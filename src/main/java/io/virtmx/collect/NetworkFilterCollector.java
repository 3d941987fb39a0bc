/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.FilterBindingXml;
import io.virtmx.libvirt.NodeCalls;
import io.virtmx.model.NetworkFilters;
import java.util.ArrayList;
import java.util.List;

/**
 * The network filters and their bindings to domain interfaces; none where the driver has no
 * network-filter support (the test driver).
 */
final class NetworkFilterCollector implements Collector<NetworkFilters> {
  @Override
  public NetworkFilters collect(CollectionContext context) {
    var conn = context.connection().nativeHandle();
    List<NetworkFilters.Filter> filters = new ArrayList<>();
    for (String[] f : Unsupported.orElse(() -> NodeCalls.networkFilters(conn), List.<String[]>of())) {
      filters.add(new NetworkFilters.Filter(f[0], f[1]));
    }
    List<NetworkFilters.Binding> bindings = new ArrayList<>();
    for (String[] b : Unsupported.orElse(() -> NodeCalls.filterBindings(conn), List.<String[]>of())) {
      bindings.add(new NetworkFilters.Binding(b[0], b[1], FilterBindingXml.owner(b[2])));
    }
    return new NetworkFilters(filters, bindings);
  }
}
