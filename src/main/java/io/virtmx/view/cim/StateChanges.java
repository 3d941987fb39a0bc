package io.virtmx.view.cim;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.ops.Caller;
import io.virtmx.ops.DomainOperations;
import io.virtmx.ops.OperationException;
import io.virtmx.ops.Operations;
import io.virtmx.view.cim.schema.CimType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code RequestStateChange} on a ComputerSystem with libvirt-cim's meaning: 2 start (shut off) or
 * resume (paused), 3 destroy, 4 shut down, 9 pause, 10 reboot, 11 reset, through the shared
 * operations service. Other states are CIM_ERR_NOT_SUPPORTED, transitions the domain's state does
 * not allow CIM_ERR_FAILED. The state last requested is kept per domain and reported as
 * RequestedState.
 */
public final class StateChanges {
  private final Operations operations;
  private final Map<String, Integer> requested = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  public StateChanges(Operations operations) {
    this.operations = operations;
  }

  /** RequestedState of a domain: the last state asked for, or 12 (Not Applicable). */
  public int requestedState(String domain) {
    return requested.getOrDefault(domain, StateMapping.NOT_APPLICABLE);
  }

  /** Changes whenever a requested state is recorded, so cached models are rebuilt. */
  public long version() {
    return version.get();
  }

  void invoke(RequestContext c, Caller caller) {
    String method = c.request().method();
    if (!method.equalsIgnoreCase("RequestStateChange")
        || !c.repo()
            .isA(c.request().target().className(), c.model().prefix() + "_ComputerSystem")) {
      throw new CimException(
          CimException.METHOD_NOT_AVAILABLE,
          "method " + method + " is not available on " + c.request().target().className());
    }
    if (c.request().target().keys().isEmpty()) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "RequestStateChange needs an instance, not a class");
    }
    CimInstance cs = c.instance(c.request().target().withNamespace(null));
    String name = (String) cs.get("Name");
    long state = c.request().number("RequestedState", -1);
    if (state < 0) {
      throw new CimException(CimException.INVALID_PARAMETER, "RequestedState is missing");
    }
    DomainSnapshot d =
        c.model()
            .host()
            .domain(name)
            .orElseThrow(() -> new CimException(CimException.NOT_FOUND, "no domain " + name));
    String host = c.model().host().host();
    try {
      operations.checkAllowed(caller, "RequestStateChange");
      apply(operations.domains(), caller, host, d, (int) state);
    } catch (OperationException e) {
      throw new CimException(code(e.reason()), e.getMessage());
    }
    requested.put(name, (int) state);
    version.incrementAndGet();
    c.out().methodReturn(CimType.UINT32, 0L);
  }

  private static void apply(
      DomainOperations ops, Caller caller, String host, DomainSnapshot d, int state) {
    DomainState s = d.state();
    boolean running = s == DomainState.RUNNING || s == DomainState.BLOCKED;
    String name = d.name();
    switch (state) {
      case StateMapping.ENABLED -> {
        if (s == DomainState.SHUTOFF) {
          ops.start(caller, host, name);
        } else if (s == DomainState.PAUSED) {
          ops.resume(caller, host, name);
        } else {
          throw failed("Invalid state transition: " + name + " is " + s.label());
        }
      }
      case StateMapping.DISABLED ->
          require(running, name, s, () -> ops.destroy(caller, host, name));
      case StateMapping.SHUT_DOWN ->
          require(running, name, s, () -> ops.shutdown(caller, host, name));
      case StateMapping.PAUSED -> require(running, name, s, () -> ops.suspend(caller, host, name));
      case StateMapping.REBOOT ->
          require(
              running || s == DomainState.PAUSED, name, s, () -> ops.reboot(caller, host, name));
      case StateMapping.RESET ->
          require(running || s == DomainState.PAUSED, name, s, () -> ops.reset(caller, host, name));
      default ->
          throw new CimException(
              CimException.NOT_SUPPORTED,
              "RequestedState "
                  + state
                  + " is not supported "
                  + "(2 enable, 3 disable, 4 shut down, 9 pause, 10 reboot, 11 reset)");
    }
  }

  private static void require(boolean allowed, String name, DomainState s, Runnable action) {
    if (!allowed) {
      throw failed("Invalid state transition: " + name + " is " + s.label());
    }
    action.run();
  }

  private static CimException failed(String message) {
    return new CimException(CimException.FAILED, message);
  }

  static int code(OperationException.Reason reason) {
    return switch (reason) {
      case READ_ONLY, DENIED -> CimException.ACCESS_DENIED;
      case NOT_FOUND -> CimException.NOT_FOUND;
      case INVALID_ARGUMENT -> CimException.INVALID_PARAMETER;
      case UNAVAILABLE, FAILED -> CimException.FAILED;
    };
  }
}
