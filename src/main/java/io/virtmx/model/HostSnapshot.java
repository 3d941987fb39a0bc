/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything virtmx knows about one libvirt host at one moment: the single source every view
 * renders.
 *
 * <p>A host that cannot be reached keeps its last known objects with {@code up == false} and {@code
 * stale == true}, so views can keep showing them instead of flapping.
 */
public record HostSnapshot(
    String host,
    String uri,
    boolean up,
    boolean stale,
    Instant collectedAt,
    Optional<Instant> lastSuccess,
    Duration collectionDuration,
    Map<String, Long> errorsByKind,
    NodeInfo node,
    List<DomainSnapshot> domains,
    List<PoolSnapshot> pools,
    List<NetworkSnapshot> networks,
    List<CollectorRun> collectorRuns,
    NodeResources resources) {

  public HostSnapshot {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(collectionDuration, "collectionDuration");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(lastSuccess, "lastSuccess");
    errorsByKind = Map.copyOf(errorsByKind);
    domains = NamedList.of(domains, DomainSnapshot::name);
    pools = NamedList.of(pools, PoolSnapshot::name);
    networks = NamedList.of(networks, NetworkSnapshot::name);
    collectorRuns = List.copyOf(collectorRuns);
    Objects.requireNonNull(resources, "resources");
  }

  /** A host seen for the first time but not reachable yet: no node facts, no objects. */
  public static HostSnapshot unreachable(
      String host, String uri, Instant now, Map<String, Long> errors) {
    return new HostSnapshot(
        host,
        uri,
        false,
        true,
        now,
        Optional.empty(),
        Duration.ZERO,
        errors,
        NodeInfo.UNKNOWN,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        NodeResources.EMPTY);
  }

  /** The domains counted by state, and what the running ones hold. */
  public DomainTotals domainTotals() {
    return DomainTotals.of(domains);
  }

  /** The domain of that name (one lookup: the lists are indexed by name). */
  public Optional<DomainSnapshot> domain(String name) {
    return NamedList.find(domains, name);
  }

  public Optional<PoolSnapshot> pool(String name) {
    return NamedList.find(pools, name);
  }

  public Optional<NetworkSnapshot> network(String name) {
    return NamedList.find(networks, name);
  }

  /** The same facts, marked as no longer current (the host went down or a collection timed out). */
  public HostSnapshot markedStale(boolean stillUp, Instant now, Map<String, Long> errors) {
    return copy(stillUp, true, now, errors, node, domains, pools, networks);
  }

  /** The same facts with the agent's error counts since start brought up to date. */
  public HostSnapshot withErrors(Map<String, Long> errors) {
    return copy(up, stale, collectedAt, errors, node, domains, pools, networks);
  }

  /** The run of the collector of that name in the latest collection, if it ran. */
  public Optional<CollectorRun> collectorRun(String name) {
    return collectorRuns.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** This snapshot with one domain replaced (or added), as after an event-driven refresh. */
  public HostSnapshot withDomain(DomainSnapshot domain) {
    var list = new java.util.ArrayList<DomainSnapshot>(domains.size() + 1);
    boolean replaced = false;
    for (DomainSnapshot d : domains) {
      if (d.uuid().equals(domain.uuid())) {
        list.add(domain);
        replaced = true;
      } else {
        list.add(d);
      }
    }
    if (!replaced) {
      list.add(domain);
    }
    return with(list, pools, networks);
  }

  /** This snapshot with other node facts, everything else unchanged. */
  public HostSnapshot withNode(NodeInfo newNode) {
    return copy(up, stale, collectedAt, errorsByKind, newNode, domains, pools, networks);
  }

  /** This snapshot with every domain replaced. */
  public HostSnapshot withDomains(List<DomainSnapshot> newDomains) {
    return with(newDomains, pools, networks);
  }

  public HostSnapshot withPools(List<PoolSnapshot> newPools) {
    return with(domains, newPools, networks);
  }

  public HostSnapshot withNetworks(List<NetworkSnapshot> newNetworks) {
    return with(domains, pools, newNetworks);
  }

  /** This snapshot without the domain of that UUID, as after an undefine event. */
  public HostSnapshot withoutDomain(String uuid) {
    var list = domains.stream().filter(d -> !d.uuid().equals(uuid)).toList();
    return with(list, pools, networks);
  }

  /** This snapshot with other objects, everything else unchanged. */
  private HostSnapshot with(
      List<DomainSnapshot> newDomains,
      List<PoolSnapshot> newPools,
      List<NetworkSnapshot> newNetworks) {
    return copy(up, stale, collectedAt, errorsByKind, node, newDomains, newPools, newNetworks);
  }

  /** The one copy: the host, URI, last success, duration and collector runs stay as they are. */
  private HostSnapshot copy(
      boolean newUp,
      boolean newStale,
      Instant newCollectedAt,
      Map<String, Long> newErrors,
      NodeInfo newNode,
      List<DomainSnapshot> newDomains,
      List<PoolSnapshot> newPools,
      List<NetworkSnapshot> newNetworks) {
    return new HostSnapshot(
        host,
        uri,
        newUp,
        newStale,
        newCollectedAt,
        lastSuccess,
        collectionDuration,
        newErrors,
        newNode,
        newDomains,
        newPools,
        newNetworks,
        collectorRuns,
        resources);
  }

  /** This snapshot with other node resources, everything else unchanged. */
  public HostSnapshot withResources(NodeResources newResources) {
    return new HostSnapshot(
        host,
        uri,
        up,
        stale,
        collectedAt,
        lastSuccess,
        collectionDuration,
        errorsByKind,
        node,
        domains,
        pools,
        networks,
        collectorRuns,
        newResources);
  }
}
