/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.ops.Caller;
import io.virtmx.ops.OperationException;
import io.virtmx.security.Role;
import java.util.HashMap;
import java.util.Map;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.agent.request.Request;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.TransportIpAddress;

/**
 * Who an SNMP request stands for: the USM user or community it authenticated as, with that name's
 * role, as the operations service's {@link Caller}; and how the service's refusals read in SNMP.
 */
final class SnmpIdentities {
  static final String VIA = "snmp";

  private final Map<String, Role> users = new HashMap<>();
  private final Map<String, Role> communities = new HashMap<>();

  SnmpIdentities(SnmpSettings settings) {
    settings.users().forEach(u -> users.put(u.name(), u.role()));
    settings.communities().forEach(c -> communities.put(c.name(), c.role()));
  }

  Caller caller(Request<?, ?, ?> request) {
    String name = request.getSecurityName() == null ? "" : request.getSecurityName().toString();
    boolean usm = request.getSecurityModel() == SecurityModel.SECURITY_MODEL_USM;
    Role role = (usm ? users : communities).get(name);
    String client = client(request.getSource());
    if (role == null) {
      return Caller.anonymousViewer(VIA, client);
    }
    return new Caller(usm ? name : "community", role, VIA, client);
  }

  private static String client(Object source) {
    if (source instanceof CommandResponderEvent<?> event
        && event.getPeerAddress() instanceof TransportIpAddress address) {
      return address.getInetAddress().getHostAddress();
    }
    if (source instanceof CommandResponderEvent<?> event
        && event.getPeerAddress() instanceof IpAddress address) {
      return address.getInetAddress().getHostAddress();
    }
    return null;
  }

  /** The SNMP error status that says the same as the operations service's refusal. */
  static int status(OperationException e) {
    return switch (e.reason()) {
      case READ_ONLY -> SnmpConstants.SNMP_ERROR_NOT_WRITEABLE;
      case DENIED -> SnmpConstants.SNMP_ERROR_AUTHORIZATION_ERROR;
      case NOT_FOUND -> SnmpConstants.SNMP_ERROR_NO_CREATION;
      case INVALID_ARGUMENT -> SnmpConstants.SNMP_ERROR_WRONG_VALUE;
      case INVALID_STATE -> SnmpConstants.SNMP_ERROR_INCONSISTENT_VALUE;
      case UNAVAILABLE -> SnmpConstants.SNMP_ERROR_RESOURCE_UNAVAILABLE;
      case FAILED -> SnmpConstants.SNMP_ERROR_COMMIT_FAILED;
    };
  }
}
