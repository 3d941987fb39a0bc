/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import org.libvirt.LibvirtException;
import org.libvirt.Network;

/** Virtual network operations: start, stop, autostart. */
public final class NetworkOperations {
  private final OperationRunner runner;

  NetworkOperations(OperationRunner runner) {
    this.runner = runner;
  }

  @FunctionalInterface
  private interface NetworkWork {
    void run(Network network) throws LibvirtException;
  }

  private void on(Attempt attempt, String network, NetworkWork work) {
    runner.run(
        attempt,
        conn -> {
          Network n = conn.networkLookupByName(network);
          try {
            work.run(n);
            return null;
          } finally {
            n.free();
          }
        });
  }

  private static Attempt attempt(Caller caller, String host, String network, String operation) {
    return Attempt.on(caller, host, ObjectEvent.Kind.NETWORK, network, operation);
  }

  public void start(Caller c, String host, String network) {
    on(attempt(c, host, network, "start"), network, Network::create);
  }

  public void stop(Caller c, String host, String network) {
    on(attempt(c, host, network, "stop"), network, Network::destroy);
  }

  public void setAutostart(Caller c, String host, String network, boolean autostart) {
    on(
        attempt(c, host, network, "setAutostart").arg("autostart", autostart),
        network,
        n -> n.setAutostart(autostart));
  }
}
