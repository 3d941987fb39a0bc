/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.util.Arrays;
import java.util.Map;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The agent's VACM views: reading covers the system and SNMP groups, the engine and USM
 * statistics, LIBVIRT-MIB and VM-MIB (not the agent's own VACM, USM or SNMP4J configuration
 * tables); writing covers only libvirtGuestState, libvirtGuestRowStatus and vmAdminState.
 */
final class VacmViews {
  static final String[] READABLE = {
    "1.3.6.1.2.1.1", // system
    "1.3.6.1.2.1.11", // snmp (snmpInBadCommunityNames…)
    "1.3.6.1.6.3.10.2.1", // snmpEngine
    "1.3.6.1.6.3.15.1.1", // usmStats
    "1.3.6.1.2.1.236", // VM-MIB
    "1.3.6.1.4.1.36957", // LIBVIRT-MIB
  };
  static final String[] WRITABLE = {
    "1.3.6.1.4.1.36957.1.1.1.3", // libvirtGuestState
    "1.3.6.1.4.1.36957.1.1.1.9", // libvirtGuestRowStatus
    "1.3.6.1.2.1.236.1.4.1.5", // vmAdminState
  };
  static final String[] NOTIFIABLE = {
    "1.3.6.1.6.3.1.1", // snmpTrapOID, sysUpTime's companions
    "1.3.6.1.2.1.1.3", // sysUpTime
    "1.3.6.1.2.1.236",
    "1.3.6.1.4.1.36957",
  };

  private VacmViews() {}

  static void add(VacmMIB vacm, OctetString read, OctetString write, OctetString notify) {
    family(vacm, read, READABLE);
    family(vacm, write, WRITABLE);
    family(vacm, notify, NOTIFIABLE);
  }

  /** The same views as subtrees per view name, for {@link RoleAccessControl}. */
  static Map<OctetString, OID[]> subtrees(OctetString read, OctetString write, OctetString notify) {
    return Map.of(read, oids(READABLE), write, oids(WRITABLE), notify, oids(NOTIFIABLE));
  }

  private static OID[] oids(String[] subtrees) {
    return Arrays.stream(subtrees).map(OID::new).toArray(OID[]::new);
  }

  private static void family(VacmMIB vacm, OctetString view, String[] subtrees) {
    for (String subtree : subtrees) {
      vacm.addViewTreeFamily(
          view, new OID(subtree), new OctetString(), VacmMIB.vacmViewIncluded, StorageType.readOnly);
    }
  }
}
