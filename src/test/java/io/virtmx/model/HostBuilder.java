/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link HostSnapshot}: up, not stale, collected at the epoch in no time unless set. */
public final class HostBuilder extends SnapshotBuilder<HostBuilder> {
  private final String host;
  private String uri = "qemu:///system";
  private boolean up = true;
  private boolean stale;
  private Instant collectedAt = Instant.EPOCH;
  private Instant lastSuccess = Instant.EPOCH;
  private Duration took = Duration.ZERO;
  private Map<String, Long> errors = Map.of();
  private NodeInfo node;
  private final List<DomainSnapshot> domains = new ArrayList<>();
  private final List<PoolSnapshot> pools = new ArrayList<>();
  private final List<NetworkSnapshot> networks = new ArrayList<>();
  private NodeResources resources = NodeResources.EMPTY;

  HostBuilder(String host) {
    this.host = host;
    this.node = Snapshots.node(host).build();
  }

  public HostBuilder uri(String value) {
    return set(() -> uri = value);
  }

  public HostBuilder stale(boolean value) {
    return set(() -> stale = value);
  }

  public HostBuilder down() {
    return set(() -> up = false);
  }

  /** Collected (and last successfully collected) at {@code t}. */
  public HostBuilder collectedAt(Instant t) {
    collectedAt = t;
    return lastSuccess(t);
  }

  public HostBuilder lastSuccess(Instant t) {
    return set(() -> lastSuccess = t);
  }

  public HostBuilder took(Duration d) {
    return set(() -> took = d);
  }

  public HostBuilder errors(Map<String, Long> byKind) {
    return set(() -> errors = byKind);
  }

  public HostBuilder node(NodeBuilder value) {
    return set(() -> node = value.build());
  }

  public HostBuilder domain(DomainBuilder value) {
    return domain(value.build());
  }

  public HostBuilder domain(DomainSnapshot value) {
    return set(() -> domains.add(value));
  }

  public HostBuilder domains(List<DomainSnapshot> values) {
    return set(() -> domains.addAll(values));
  }

  public HostBuilder pool(PoolBuilder value) {
    return set(() -> pools.add(value.build()));
  }

  public HostBuilder network(NetworkBuilder value) {
    return set(() -> networks.add(value.build()));
  }

  public HostBuilder resources(NodeResources value) {
    return set(() -> resources = value);
  }

  public HostSnapshot build() {
    return new HostSnapshot(
        host,
        uri,
        up,
        stale,
        collectedAt,
        Optional.ofNullable(lastSuccess),
        took,
        errors,
        node,
        domains,
        pools,
        networks,
        List.of(),
        resources);
  }
}
