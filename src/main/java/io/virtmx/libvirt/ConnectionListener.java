/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.ObjectEvent;

/**
 * What a {@link HostConnection} tells the rest of the agent. Called from libvirt's event-loop
 * thread or the reconnect thread: implementations must only hand work off, never call libvirt or
 * block.
 */
public interface ConnectionListener {
  /** The connection is (again) open and usable. */
  void connected(HostConnection connection);

  /** The connection was lost or could not be opened; a reconnect is scheduled. */
  void lost(HostConnection connection, String reason);

  /** libvirt reported an event on one object of this host. */
  void event(HostConnection connection, ObjectEvent event);
}
