/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NodeInfo;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Caller;
import io.virtmx.ops.DomainOperations;
import io.virtmx.ops.OperationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * The IETF VM-MIB of RFC 7666 (mib-2 236): the hypervisor group, {@code vmNumber}, {@code
 * vmTableLastChange} and {@code vmTable} (memory in KiB, CPU time in microseconds), with the device
 * tables of {@link VmDeviceRows} and {@link VmCpuAffinityRows}; {@code vmAdminState} writes become lifecycle operations.
 */
final class VmMib extends SnapshotSubtree {
  static final OID ROOT = new OID("1.3.6.1.2.1.236");
  static final OID OBJECTS = new OID("1.3.6.1.2.1.236.1");
  static final OID ENTRY = new OID("1.3.6.1.2.1.236.1.4.1");
  static final OID NOTIFICATIONS = new OID("1.3.6.1.2.1.236.0");
  static final int COL_NAME = 2;
  static final int COL_UUID = 3;
  static final int COL_ADMIN_STATE = 5;
  static final int COL_OPER_STATE = 6;
  private static final OID ZERO_DOT_ZERO = new OID("0.0");
  private static final int UNKNOWN = -1;

  private final DomainOperations domains;
  private final VmIndexes indexes;

  VmMib(
      SnapshotSource source,
      SnmpIdentities identities,
      DomainOperations domains,
      VmIndexes indexes) {
    super(source, identities, ROOT);
    this.domains = domains;
    this.indexes = indexes;
  }

  static OID scalar(int... arcs) {
    return new OID(OBJECTS).append(new OID(arcs)).append(0);
  }

  static OID column(int column, int vmIndex) {
    return new OID(ENTRY).append(column).append(vmIndex);
  }

  /** vmAdminState: what the domain is meant to be (running, suspended, paused, shutdown). */
  static int adminState(DomainSnapshot d) {
    return switch (d.state()) {
      case RUNNING, BLOCKED -> 1;
      case PMSUSPENDED -> 2;
      case PAUSED -> 3;
      case NOSTATE -> d.id() > 0 ? 1 : 4;
      default -> 4;
    };
  }

  /** vmOperState: what it is (running 4, suspended 6, paused 8, shuttingdown 10, shutdown 11…). */
  static int operState(DomainState s) {
    return switch (s) {
      case NOSTATE -> 1;
      case RUNNING, BLOCKED -> 4;
      case PMSUSPENDED -> 6;
      case PAUSED -> 8;
      case SHUTDOWN -> 10;
      case SHUTOFF -> 11;
      case CRASHED -> 12;
    };
  }

  @Override
  void render(List<HostSnapshot> hosts, Map<OID, Variable> out) {
    indexes.update(hosts);
    List<Guest> guests = Guest.all(hosts);
    renderHypervisor(hosts, out);
    out.put(scalar(2), new Integer32(guests.size()));
    out.put(scalar(3), new TimeTicks(indexes.lastChange()));
    Map<String, Integer> hostCpus = new HashMap<>();
    hosts.forEach(h -> hostCpus.put(h.host(), h.node().cpus()));
    int affinityBudget = VmCpuAffinityRows.MAX_CELLS;
    for (Guest g : guests) {
      int index = indexes.index(g.domain().uuid());
      if (index > 0) {
        renderRow(g, index, out);
        VmDeviceRows.render(g.domain(), index, out);
        affinityBudget -=
            VmCpuAffinityRows.render(
                g.domain().vcpus(), index, hostCpus.getOrDefault(g.host(), -1), affinityBudget, out);
      }
    }
    out.put(scalar(9), new Integer32(1));
    out.put(scalar(10), new Integer32(2));
  }

  private void renderHypervisor(List<HostSnapshot> hosts, Map<OID, Variable> out) {
    NodeInfo node = hosts.isEmpty() ? null : hosts.get(0).node();
    boolean known = node != null && node.known();
    out.put(scalar(1, 1), new OctetString(known ? node.hypervisorType() : ""));
    out.put(
        scalar(1, 2),
        new OctetString(known ? NodeInfo.versionString(node.hypervisorVersion()) : ""));
    out.put(scalar(1, 3), ZERO_DOT_ZERO);
    out.put(scalar(1, 4), new TimeTicks(indexes.ticks()));
  }

  private void renderRow(Guest g, int index, Map<OID, Variable> out) {
    DomainSnapshot d = g.domain();
    out.put(column(COL_NAME, index), new OctetString(d.name()));
    out.put(column(COL_UUID, index), new OctetString(g.uuid()));
    out.put(column(4, index), new OctetString(d.os().type()));
    out.put(column(COL_ADMIN_STATE, index), new Integer32(adminState(d)));
    out.put(column(COL_OPER_STATE, index), new Integer32(operState(d.state())));
    out.put(column(7, index), new Integer32(d.autostart() ? 2 : 3));
    out.put(column(8, index), new Integer32(d.persistent() ? 2 : 3));
    out.put(column(9, index), new Integer32(Math.max(0, d.vcpus().current())));
    out.put(column(10, index), new Integer32(UNKNOWN));
    out.put(column(11, index), new Integer32(d.vcpus().maximum() < 0 ? UNKNOWN : d.vcpus().maximum()));
    out.put(column(12, index), new Integer32(1024));
    out.put(column(13, index), new Integer32(kib(d.memory().currentBytes(), 0)));
    out.put(column(14, index), new Integer32(UNKNOWN));
    out.put(column(15, index), new Integer32(kib(d.memory().maximumBytes(), UNKNOWN)));
    out.put(column(16, index), new TimeTicks(indexes.upTime(d.uuid())));
    out.put(column(17, index), new Counter64(Math.max(0, d.cpu().totalNs()) / 1000));
  }

  private static int kib(long bytes, int unknown) {
    return bytes < 0 ? unknown : (int) Math.min(bytes / 1024, Integer.MAX_VALUE);
  }

  @Override
  int write(OID oid, Variable value, Caller caller) {
    if (oid.size() != ENTRY.size() + 2
        || !oid.startsWith(ENTRY)
        || oid.get(ENTRY.size()) != COL_ADMIN_STATE) {
      return SnmpConstants.SNMP_ERROR_NOT_WRITEABLE;
    }
    if (!(value instanceof Integer32 number)) {
      return SnmpConstants.SNMP_ERROR_WRONG_TYPE;
    }
    int target = number.getValue();
    if (target < 1 || target > 4) {
      return SnmpConstants.SNMP_ERROR_WRONG_VALUE;
    }
    Optional<Guest> guest = find(oid.get(ENTRY.size() + 1));
    if (guest.isEmpty()) {
      return SnmpConstants.SNMP_ERROR_NO_CREATION;
    }
    String host = guest.get().host();
    String name = guest.get().domain().name();
    try {
      switch (target) {
        case 1 -> domains.enable(caller, host, name);
        case 2 -> domains.managedSave(caller, host, name);
        case 3 -> domains.suspend(caller, host, name);
        default -> domains.shutdown(caller, host, name);
      }
      return SnmpConstants.SNMP_ERROR_SUCCESS;
    } catch (OperationException e) {
      return SnmpIdentities.status(e);
    }
  }

  private Optional<Guest> find(int vmIndex) {
    List<HostSnapshot> hosts = hosts();
    indexes.update(hosts);
    return Guest.all(hosts).stream()
        .filter(g -> indexes.index(g.domain().uuid()) == vmIndex)
        .findFirst();
  }
}
