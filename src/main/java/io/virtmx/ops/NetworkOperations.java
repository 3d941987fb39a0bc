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

  private void on(Caller caller, String host, String network, String operation, NetworkWork work) {
    runner.run(
        caller,
        host,
        ObjectEvent.Kind.NETWORK,
        network,
        operation,
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

  public void start(Caller c, String host, String network) {
    on(c, host, network, "start", Network::create);
  }

  public void stop(Caller c, String host, String network) {
    on(c, host, network, "stop", Network::destroy);
  }

  public void setAutostart(Caller c, String host, String network, boolean autostart) {
    on(c, host, network, "setAutostart", n -> n.setAutostart(autostart));
  }
}
