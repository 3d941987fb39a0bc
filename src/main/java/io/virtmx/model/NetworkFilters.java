/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * The network filters ({@code virConnectListAllNWFilters}) and their bindings to domain interfaces
 * ({@code virConnectListAllNWFilterBindings}).
 */
public record NetworkFilters(List<Filter> filters, List<Binding> bindings) {
  public static final NetworkFilters NONE = new NetworkFilters(List.of(), List.of());

  /** One filter: its name and UUID. */
  public record Filter(String name, String uuid) {
    public Filter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(uuid, "uuid");
    }
  }

  /** One binding: the port device (host side of the interface), its filter and owning domain. */
  public record Binding(String portDevice, String filter, String ownerDomain) {
    public Binding {
      Objects.requireNonNull(portDevice, "portDevice");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(ownerDomain, "ownerDomain");
    }
  }

  public NetworkFilters {
    filters = List.copyOf(filters);
    bindings = List.copyOf(bindings);
  }
}
