/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.SnapshotListener;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns libvirt's domain lifecycle events, as the snapshot source reports them, into
 * ComputerSystemCreated ("defined"), ComputerSystemDeleted ("undefined") and ComputerSystemModified
 * (every other event) indications; a modification's PreviousInstance is the domain as the snapshots
 * last showed it in another state.
 */
final class DomainIndications implements SnapshotListener {
  /** A domain as last published, and as it was before its state last changed. */
  private record Seen(DomainSnapshot current, DomainSnapshot previous) {}

  private final ClassRepository repo;
  private final StateChanges states;
  private final Function<String, List<String>> namespacesOfHost;
  private final IndicationSink sink;
  private final Map<String, Map<String, Seen>> seen = new ConcurrentHashMap<>();
  private final Map<String, HostSnapshot> latest = new ConcurrentHashMap<>();

  DomainIndications(
      ClassRepository repo,
      StateChanges states,
      Function<String, List<String>> namespacesOfHost,
      IndicationSink sink) {
    this.repo = repo;
    this.states = states;
    this.namespacesOfHost = namespacesOfHost;
    this.sink = sink;
  }

  @Override
  public void updated(HostSnapshot previous, HostSnapshot current) {
    latest.put(current.host(), current);
    Map<String, Seen> domains = seen.computeIfAbsent(current.host(), h -> new ConcurrentHashMap<>());
    for (DomainSnapshot d : current.domains()) {
      domains.merge(
          d.name(),
          new Seen(d, null),
          (old, now) -> new Seen(d, state(old.current()) != state(d) ? old.current() : old.previous()));
    }
  }

  @Override
  public void removed(String host) {
    seen.remove(host);
    latest.remove(host);
  }

  @Override
  public void event(ObjectEvent e) {
    if (e.kind() != ObjectEvent.Kind.DOMAIN) {
      return;
    }
    HostSnapshot host = latest.get(e.host());
    if (host == null) {
      return;
    }
    Seen s = seen.getOrDefault(e.host(), Map.of()).get(e.name());
    DomainSnapshot now =
        host.domains().stream().filter(d -> d.name().equals(e.name())).findFirst().orElse(null);
    IndicationKind kind =
        switch (e.event()) {
          case "defined" -> IndicationKind.COMPUTER_SYSTEM_CREATED;
          case "undefined" -> IndicationKind.COMPUTER_SYSTEM_DELETED;
          default -> IndicationKind.COMPUTER_SYSTEM_MODIFIED;
        };
    DomainSnapshot source = now != null ? now : s == null ? null : s.current();
    if (source == null) {
      return;
    }
    DomainSnapshot before =
        kind == IndicationKind.COMPUTER_SYSTEM_MODIFIED && s != null ? s.previous() : null;
    if (kind == IndicationKind.COMPUTER_SYSTEM_DELETED) {
      seen.getOrDefault(e.host(), Map.of()).remove(e.name());
    }
    String prefix = StateMapping.prefix(host.node().hypervisorType());
    DomainInstances instances = new DomainInstances(repo, prefix, host);
    int requested = states.requestedState(host.host(), source.name());
    sink.publish(
        Indication.of(
            kind,
            prefix,
            namespacesOfHost.apply(host.host()),
            instances.computerSystem(source, requested),
            before == null ? null : instances.computerSystem(before, requested),
            HostInstances.fqdn(host),
            e.at()));
  }

  private static DomainState state(DomainSnapshot d) {
    return d.state();
  }
}
