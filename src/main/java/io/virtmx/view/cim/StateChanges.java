/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.ops.DomainOperations;
import io.virtmx.ops.OperationException;
import io.virtmx.ops.Operations;
import io.virtmx.view.cim.schema.CimType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code RequestStateChange} on a ComputerSystem with libvirt-cim's meaning, mapped to the shared
 * operations: 2 enable (start a shut-off domain, resume a paused one), 3 destroy, 4 shut down, 9
 * suspend, 10 reboot, 11 reset. Other states are CIM_ERR_NOT_SUPPORTED. Whether a change is valid
 * is the operations' lifecycle policy, from the domain's current state: a refusal comes back as
 * CIM_ERR_FAILED with the same text JMX and Jolokia show. The state last requested is kept per
 * domain and reported as RequestedState.
 */
public final class StateChanges {
  private final Operations operations;
  private final Map<String, Integer> requested = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  public StateChanges(Operations operations) {
    this.operations = operations;
  }

  /** RequestedState of a domain: the last state asked for, or 12 (Not Applicable). */
  public int requestedState(String host, String domain) {
    return requested.getOrDefault(host + "/" + domain, StateMapping.NOT_APPLICABLE);
  }

  /** Changes whenever a requested state is recorded, so cached models are rebuilt. */
  public long version() {
    return version.get();
  }

  void invoke(RequestContext c, Caller caller) {
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
    String host = c.model().host().host();
    try {
      operations.checkAllowed(caller, "RequestStateChange");
      apply(operations.domains(), caller, host, name, (int) state);
    } catch (OperationException e) {
      throw new CimException(code(e.reason()), e.getMessage());
    }
    requested.put(host + "/" + name, (int) state);
    version.incrementAndGet();
    c.out().methodReturn(CimType.UINT32, 0L);
  }

  /** The operation a RequestedState code stands for; whether it is valid now is for ops to say. */
  private static void apply(
      DomainOperations ops, Caller caller, String host, String name, int state) {
    switch (state) {
      case StateMapping.ENABLED -> ops.enable(caller, host, name);
      case StateMapping.DISABLED -> ops.destroy(caller, host, name);
      case StateMapping.SHUT_DOWN -> ops.shutdown(caller, host, name);
      case StateMapping.PAUSED -> ops.suspend(caller, host, name);
      case StateMapping.REBOOT -> ops.reboot(caller, host, name);
      case StateMapping.RESET -> ops.reset(caller, host, name);
      default ->
          throw new CimException(
              CimException.NOT_SUPPORTED,
              "RequestedState "
                  + state
                  + " is not supported "
                  + "(2 enable, 3 disable, 4 shut down, 9 pause, 10 reboot, 11 reset)");
    }
  }

  static int code(OperationException.Reason reason) {
    return switch (reason) {
      case READ_ONLY, DENIED -> CimException.ACCESS_DENIED;
      case NOT_FOUND -> CimException.NOT_FOUND;
      case INVALID_ARGUMENT -> CimException.INVALID_PARAMETER;
      case INVALID_STATE, UNAVAILABLE, FAILED -> CimException.FAILED;
    };
  }
}
