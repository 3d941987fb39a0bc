/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.ObjectEvent;
import java.util.Optional;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * What the notifications of a domain lifecycle event carry: libvirt-snmp's four varbinds with
 * instance suffix {@code .0}, and VM-MIB's name, UUID and operational state of the row.
 */
final class NotificationContent {
  private NotificationContent() {}

  static VariableBinding[] libvirtGuest(String name, byte[] uuid, int state) {
    int rowStatus =
        state == 4 || state == 5 || state == 6
            ? LibvirtMib.ROW_NOT_IN_SERVICE
            : LibvirtMib.ROW_ACTIVE;
    return new VariableBinding[] {
      new VariableBinding(column(LibvirtMib.COL_NAME), new OctetString(name)),
      new VariableBinding(column(LibvirtMib.COL_UUID), new OctetString(uuid)),
      new VariableBinding(column(LibvirtMib.COL_STATE), new Integer32(state)),
      new VariableBinding(column(LibvirtMib.COL_ROW_STATUS), new Integer32(rowStatus)),
    };
  }

  private static OID column(int column) {
    return new OID(LibvirtMib.ENTRY).append(column).append(0);
  }

  /** libvirtGuestState after an event, when the domain is no longer in the snapshot. */
  static int stateAfter(ObjectEvent event) {
    return switch (event.event()) {
      case "started", "resumed" -> 1;
      case "suspended", "pmsuspended" -> 3;
      case "shutdown" -> 4;
      case "crashed" -> 6;
      default -> 5;
    };
  }

  /**
   * The VM-MIB notification of an event (under vmNotifications), 0 for none: started and resumed
   * vmRunning(1), shutdown vmShuttingdown(2), stopped vmShutdown(3), suspended vmPaused(4),
   * pmsuspended vmSuspended(6), crashed vmCrashed(9), undefined vmDeleted(10).
   */
  static int vmNotification(ObjectEvent event) {
    return switch (event.event()) {
      case "started", "resumed" -> 1;
      case "shutdown" -> 2;
      case "stopped" -> 3;
      case "suspended" -> 4;
      case "pmsuspended" -> 6;
      case "crashed" -> 9;
      case "undefined" -> 10;
      default -> 0;
    };
  }

  static VariableBinding[] vm(
      ObjectEvent event, Optional<DomainSnapshot> domain, byte[] uuid, int index, int guestState) {
    DomainState state = DomainState.ofCode(guestState);
    VariableBinding name =
        new VariableBinding(VmMib.column(VmMib.COL_NAME, index), new OctetString(event.name()));
    VariableBinding id =
        new VariableBinding(VmMib.column(VmMib.COL_UUID, index), new OctetString(uuid));
    VariableBinding oper =
        new VariableBinding(
            VmMib.column(VmMib.COL_OPER_STATE, index), new Integer32(VmMib.operState(state)));
    if ("undefined".equals(event.event())) {
      boolean persistent = domain.map(DomainSnapshot::persistent).orElse(true);
      VariableBinding kept =
          new VariableBinding(VmMib.column(8, index), new Integer32(persistent ? 2 : 3));
      return new VariableBinding[] {name, id, oper, kept};
    }
    return new VariableBinding[] {name, id, oper};
  }
}
