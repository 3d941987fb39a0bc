/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The collectors a host's collection runs, in order, node_exporter style: each with its name
 * ({@code --collector NAME}), whether it runs unless switched off, how to make one per host and
 * which part of the snapshot it fills. A switched-off collector's objects are absent from the
 * snapshot.
 */
public final class CollectorRegistry {
  private static final CollectorRegistry STANDARD = standard(GuestSettings.DEFAULT);

  /**
   * node, domains, pools, networks and the node's resources (numa, capabilities, interfaces, node
   * devices, network filters, secrets; per-CPU times off by default); the domain collector with
   * these guest and label settings.
   */
  public static CollectorRegistry standard(GuestSettings guests) {
    return new CollectorRegistry(
          List.of(
              new Entry<>(
                  "node",
                  "node",
                  true,
                  null,
                  NodeCollector::new,
                  HostSnapshot::node,
                  HostSnapshot::withNode),
              new Entry<>(
                  "domains",
                  "domain",
                  true,
                  ObjectEvent.Kind.DOMAIN,
                  () -> new DomainCollector(guests),
                  HostSnapshot::domains,
                  HostSnapshot::withDomains),
              new Entry<>(
                  "pools",
                  "pool",
                  true,
                  ObjectEvent.Kind.POOL,
                  PoolCollector::new,
                  HostSnapshot::pools,
                  HostSnapshot::withPools),
              new Entry<>(
                  "networks",
                  "network",
                  true,
                  ObjectEvent.Kind.NETWORK,
                  NetworkCollector::new,
                  HostSnapshot::networks,
                  HostSnapshot::withNetworks),
              new Entry<>(
                  "numa",
                  "node",
                  true,
                  null,
                  NodeMemoryCollector::new,
                  s -> s.resources().memory(),
                  (s, v) -> s.withResources(s.resources().withMemory(v))),
              new Entry<>(
                  "capabilities",
                  "node",
                  true,
                  null,
                  CapabilitiesCollector::new,
                  s -> s.resources().capabilities(),
                  (s, v) -> s.withResources(s.resources().withCapabilities(v))),
              new Entry<>(
                  "interfaces",
                  "interface",
                  true,
                  null,
                  HostInterfaceCollector::new,
                  s -> s.resources().interfaces(),
                  (s, v) -> s.withResources(s.resources().withInterfaces(v))),
              new Entry<>(
                  "nodedevices",
                  "nodedevice",
                  true,
                  ObjectEvent.Kind.NODE_DEVICE,
                  NodeDeviceCollector::new,
                  s -> s.resources().devices(),
                  (s, v) -> s.withResources(s.resources().withDevices(PciUsers.mark(v, s.domains())))),
              new Entry<>(
                  "nwfilters",
                  "nwfilter",
                  true,
                  null,
                  NetworkFilterCollector::new,
                  s -> s.resources().filters(),
                  (s, v) -> s.withResources(s.resources().withFilters(v))),
              new Entry<>(
                  "secrets",
                  "secret",
                  true,
                  null,
                  SecretCollector::new,
                  s -> s.resources().secretsByUsage(),
                  (s, v) -> s.withResources(s.resources().withSecretsByUsage(v))),
              new Entry<>(
                  "cpus",
                  "node",
                  false,
                  null,
                  NodeCpuCollector::new,
                  s -> s.resources().perCpu(),
                  (s, v) -> s.withResources(s.resources().withPerCpu(v)))));
  }

  /**
   * One collector: its name, the error kind it counts under ({@code
   * virtmx_collection_errors_total{kind}}), whether it runs by default, the object kind whose
   * events it refreshes (null for none), a factory called once per host, and how its result is read
   * from and put into a snapshot.
   */
  record Entry<T>(
      String name,
      String errorKind,
      boolean enabledByDefault,
      ObjectEvent.Kind refreshes,
      Supplier<? extends Collector<T>> factory,
      Function<HostSnapshot, T> part,
      BiFunction<HostSnapshot, T, HostSnapshot> into) {}

  private final List<Entry<?>> entries;

  CollectorRegistry(List<Entry<?>> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * node, domains, pools, networks and the node's resources (numa, capabilities, interfaces,
   * nodedevices, nwfilters, secrets) on by default; per-CPU times (cpus) off.
   */
  public static CollectorRegistry standard() {
    return STANDARD;
  }

  /** Every collector's name, in the order they run. */
  public List<String> names() {
    return entries.stream().map(Entry::name).toList();
  }

  /** The collectors that run unless switched off. */
  public Set<String> defaults() {
    return enabled(Map.of());
  }

  /**
   * The collectors that run with these switches (name to on or off) applied to the defaults, in the
   * order they run.
   *
   * @throws IllegalArgumentException naming the known collectors when a switch names none
   */
  public Set<String> enabled(Map<String, Boolean> switches) {
    Set<String> unknown = new TreeSet<>(switches.keySet());
    unknown.removeAll(names());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown collector "
              + String.join(", ", unknown)
              + "; known collectors: "
              + String.join(", ", names()));
    }
    Set<String> out = new LinkedHashSet<>();
    for (Entry<?> e : entries) {
      if (switches.getOrDefault(e.name(), e.enabledByDefault())) {
        out.add(e.name());
      }
    }
    return out;
  }

  /** The entries of these names, in the order they run. */
  List<Entry<?>> entries(Set<String> names) {
    List<Entry<?>> out = new ArrayList<>();
    for (Entry<?> e : entries) {
      if (names.contains(e.name())) {
        out.add(e);
      }
    }
    return out;
  }
}
