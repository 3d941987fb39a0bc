package io.virtmx.model;

/** Builds a {@link NetworkSnapshot}: active, persistent, autostarted NAT, no bridge or leases. */
public final class NetworkBuilder {
  private final String name;
  private String uuid;
  private String bridge = "";
  private int leases;

  NetworkBuilder(String name) {
    this.name = name;
    this.uuid = "uuid-" + name;
  }

  public NetworkBuilder uuid(String value) {
    uuid = value;
    return this;
  }

  public NetworkBuilder bridge(String value) {
    bridge = value;
    return this;
  }

  public NetworkBuilder dhcpLeases(int value) {
    leases = value;
    return this;
  }

  public NetworkSnapshot build() {
    return new NetworkSnapshot(name, uuid, true, true, true, bridge, "nat", leases);
  }
}
