package io.virtmx.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a {@link HostSnapshot}: up, not stale, collected at the epoch in no time unless set. */
public final class HostBuilder {
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

  HostBuilder(String host) {
    this.host = host;
    this.node = Snapshots.node(host).build();
  }

  public HostBuilder uri(String value) {
    uri = value;
    return this;
  }

  public HostBuilder stale(boolean value) {
    stale = value;
    return this;
  }

  public HostBuilder down() {
    up = false;
    return this;
  }

  /** Collected (and last successfully collected) at {@code t}. */
  public HostBuilder collectedAt(Instant t) {
    collectedAt = t;
    lastSuccess = t;
    return this;
  }

  public HostBuilder lastSuccess(Instant t) {
    lastSuccess = t;
    return this;
  }

  public HostBuilder took(Duration d) {
    took = d;
    return this;
  }

  public HostBuilder errors(Map<String, Long> byKind) {
    errors = byKind;
    return this;
  }

  public HostBuilder node(NodeBuilder value) {
    node = value.build();
    return this;
  }

  public HostBuilder domain(DomainBuilder value) {
    return domain(value.build());
  }

  public HostBuilder domain(DomainSnapshot value) {
    domains.add(value);
    return this;
  }

  public HostBuilder domains(List<DomainSnapshot> values) {
    domains.addAll(values);
    return this;
  }

  public HostBuilder pool(PoolBuilder value) {
    pools.add(value.build());
    return this;
  }

  public HostBuilder network(NetworkBuilder value) {
    networks.add(value.build());
    return this;
  }

  public HostSnapshot build() {
    return new HostSnapshot(
        host,
        uri,
        up,
        stale,
        collectedAt,
        lastSuccess,
        took,
        errors,
        node,
        domains,
        pools,
        networks,
        List.of());
  }
}
