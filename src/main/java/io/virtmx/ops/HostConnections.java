package io.virtmx.ops;

import io.virtmx.libvirt.NativeConnect;
import java.util.Optional;

/** How the operations service reaches a host by its published name; implemented by the agent's wiring. */
public interface HostConnections {
  /** The open connection of the host, or empty if the host is unknown or down. */
  Optional<NativeConnect> connection(String host);

  boolean knows(String host);

  /** Asks for the host's snapshot to be refreshed soon, for changes libvirt sends no event for. */
  void refreshSoon(String host);
}
