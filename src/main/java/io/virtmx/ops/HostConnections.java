/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.ObjectEvent;
import java.util.Optional;

/**
 * How the operations service reaches a host by its published name; implemented by the agent's
 * wiring.
 */
public interface HostConnections {
  /** The open connection of the host, or empty if the host is unknown or down. */
  Optional<NativeConnect> connection(String host);

  boolean knows(String host);

  /** Asks for a full collection of the host soon. */
  void refreshSoon(String host);

  /**
   * Tells the collector an operation changed one object, so it refreshes that object now (libvirt
   * sends no event for some changes, autostart for one); a name it does not know yet (a newly
   * defined domain) refreshes the host.
   */
  void changed(String host, ObjectEvent.Kind kind, String name);

  /**
   * An operation is starting a background job (a migration) on the domain: sample its job every
   * second from now on until it ends. By default, a refresh of the domain.
   */
  default void jobStarting(String host, String domain) {
    changed(host, ObjectEvent.Kind.DOMAIN, domain);
  }
}
