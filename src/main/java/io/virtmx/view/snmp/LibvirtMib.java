/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Caller;
import io.virtmx.ops.DomainOperations;
import io.virtmx.ops.OperationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * LIBVIRT-MIB's {@code libvirtGuestTable} (.1.3.6.1.4.1.36957.1.1) as libvirt-snmp 0.0.4 serves
 * it: one row per defined domain indexed by its UUID's 16 octets (IMPLIED), sizes in MiB, CPU time
 * in ns; State and RowStatus writes turned into lifecycle operations.
 */
final class LibvirtMib extends SnapshotSubtree {
  static final OID ROOT = new OID("1.3.6.1.4.1.36957");
  static final OID ENTRY = new OID("1.3.6.1.4.1.36957.1.1.1");
  static final OID NOTIFICATION = new OID("1.3.6.1.4.1.36957.0.1");
  static final int COL_UUID = 1;
  static final int COL_NAME = 2;
  static final int COL_STATE = 3;
  static final int COL_CPU_COUNT = 4;
  static final int COL_MEMORY_CURRENT = 5;
  static final int COL_MEMORY_LIMIT = 6;
  static final int COL_CPU_TIME = 7;
  static final int COL_ROW_STATUS = 9;
  static final int ROW_ACTIVE = 1;
  static final int ROW_NOT_IN_SERVICE = 2;
  static final int ROW_CREATE_AND_GO = 4;
  static final int ROW_DESTROY = 6;
  private static final long MIB = 1024L * 1024L;

  private final DomainOperations domains;

  LibvirtMib(SnapshotSource source, SnmpIdentities identities, DomainOperations domains) {
    super(source, identities, ROOT);
    this.domains = domains;
  }

  static OID instance(int column, byte[] uuid) {
    OID oid = new OID(ENTRY).append(column);
    for (byte b : uuid) {
      oid.append(b & 0xff);
    }
    return oid;
  }

  /**
   * libvirtGuestState for a libvirt state: its code for 1 to 6; "no state" (0) as running when
   * the domain is active and shutoff when not, pmsuspended (7) as paused.
   */
  static int state(DomainSnapshot d) {
    DomainState s = d.state();
    return switch (s) {
      case NOSTATE -> d.id() > 0 ? 1 : 5;
      case PMSUSPENDED -> 3;
      default -> s.code();
    };
  }

  @Override
  void render(List<HostSnapshot> hosts, Map<OID, Variable> out) {
    for (Guest g : Guest.all(hosts)) {
      DomainSnapshot d = g.domain();
      byte[] uuid = g.uuid();
      out.put(instance(COL_NAME, uuid), new OctetString(d.name()));
      out.put(instance(COL_STATE, uuid), new Integer32(state(d)));
      out.put(instance(COL_CPU_COUNT, uuid), new UnsignedInteger32(Math.max(0, d.vcpus().current())));
      out.put(instance(COL_MEMORY_CURRENT, uuid), new Gauge32(mib(d.memory().currentBytes())));
      out.put(instance(COL_MEMORY_LIMIT, uuid), new Gauge32(mib(d.memory().maximumBytes())));
      out.put(instance(COL_CPU_TIME, uuid), new Counter64(Math.max(0, d.cpu().totalNs())));
      out.put(instance(COL_ROW_STATUS, uuid), new Integer32(ROW_ACTIVE));
    }
  }

  private static long mib(long bytes) {
    return bytes < 0 ? 0 : Math.min(bytes / MIB, 0xffffffffL);
  }

  @Override
  int write(OID oid, Variable value, Caller caller) {
    if (oid.size() != ENTRY.size() + 17 || !oid.startsWith(ENTRY)) {
      return SnmpConstants.SNMP_ERROR_NOT_WRITEABLE;
    }
    int column = oid.get(ENTRY.size());
    if (column != COL_STATE && column != COL_ROW_STATUS) {
      return SnmpConstants.SNMP_ERROR_NOT_WRITEABLE;
    }
    if (!(value instanceof Integer32 number)) {
      return SnmpConstants.SNMP_ERROR_WRONG_TYPE;
    }
    Optional<Guest> guest = find(oid);
    if (guest.isEmpty()) {
      return SnmpConstants.SNMP_ERROR_NO_CREATION;
    }
    try {
      return column == COL_STATE
          ? writeState(guest.get(), number.getValue(), caller)
          : writeRowStatus(guest.get(), number.getValue(), caller);
    } catch (OperationException e) {
      return SnmpIdentities.status(e);
    }
  }

  private Optional<Guest> find(OID oid) {
    byte[] uuid = new byte[16];
    for (int i = 0; i < 16; i++) {
      int v = oid.get(ENTRY.size() + 1 + i);
      if (v < 0 || v > 255) {
        return Optional.empty();
      }
      uuid[i] = (byte) v;
    }
    return guests().stream().filter(g -> Arrays.equals(g.uuid(), uuid)).findFirst();
  }

  private List<Guest> guests() {
    return Guest.all(hosts());
  }

  /** running→paused suspends, paused→running resumes, running→shutdown shuts down. */
  private int writeState(Guest g, int target, Caller caller) {
    if (target < 1 || target > 6) {
      return SnmpConstants.SNMP_ERROR_WRONG_VALUE;
    }
    String host = g.host();
    String name = g.domain().name();
    switch (target) {
      case 3 -> domains.suspend(caller, host, name);
      case 1 -> domains.resume(caller, host, name);
      case 4 -> domains.shutdown(caller, host, name);
      default -> {
        return SnmpConstants.SNMP_ERROR_INCONSISTENT_VALUE;
      }
    }
    return SnmpConstants.SNMP_ERROR_SUCCESS;
  }

  /** createAndGo starts a defined domain, destroy stops it (it stays defined). */
  private int writeRowStatus(Guest g, int target, Caller caller) {
    if (target < 1 || target > 6) {
      return SnmpConstants.SNMP_ERROR_WRONG_VALUE;
    }
    switch (target) {
      case ROW_CREATE_AND_GO -> domains.start(caller, g.host(), g.domain().name());
      case ROW_DESTROY -> domains.destroy(caller, g.host(), g.domain().name());
      default -> {
        return SnmpConstants.SNMP_ERROR_INCONSISTENT_VALUE;
      }
    }
    return SnmpConstants.SNMP_ERROR_SUCCESS;
  }
}
