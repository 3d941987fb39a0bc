package io.virtmx.view.jmx;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.PoolSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest snapshot of each host with its objects indexed by name, so that an attribute read of
 * any of 1000 Domain MBeans is one hash lookup. Rebuilt by the registry on every new snapshot.
 */
final class SnapshotIndex {
  /** One host's snapshot and its objects by name. */
  record Entry(
      HostSnapshot host,
      Map<String, DomainSnapshot> domains,
      Map<String, PoolSnapshot> pools,
      Map<String, NetworkSnapshot> networks) {
    static Entry of(HostSnapshot s) {
      Map<String, DomainSnapshot> domains = new HashMap<>(s.domains().size() * 2);
      s.domains().forEach(d -> domains.put(d.name(), d));
      Map<String, PoolSnapshot> pools = new HashMap<>();
      s.pools().forEach(p -> pools.put(p.name(), p));
      Map<String, NetworkSnapshot> networks = new HashMap<>();
      s.networks().forEach(n -> networks.put(n.name(), n));
      return new Entry(s, domains, pools, networks);
    }
  }

  private final Map<String, Entry> hosts = new ConcurrentHashMap<>();

  Entry put(HostSnapshot snapshot) {
    Entry e = Entry.of(snapshot);
    hosts.put(snapshot.host(), e);
    return e;
  }

  void remove(String host) {
    hosts.remove(host);
  }

  Optional<HostSnapshot> host(String host) {
    Entry e = hosts.get(host);
    return e == null ? Optional.empty() : Optional.of(e.host());
  }

  Optional<DomainSnapshot> domain(String host, String name) {
    Entry e = hosts.get(host);
    return e == null ? Optional.empty() : Optional.ofNullable(e.domains().get(name));
  }

  Optional<PoolSnapshot> pool(String host, String name) {
    Entry e = hosts.get(host);
    return e == null ? Optional.empty() : Optional.ofNullable(e.pools().get(name));
  }

  Optional<NetworkSnapshot> network(String host, String name) {
    Entry e = hosts.get(host);
    return e == null ? Optional.empty() : Optional.ofNullable(e.networks().get(name));
  }
}
