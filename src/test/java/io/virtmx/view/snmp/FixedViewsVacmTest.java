/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.VACM;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/** FixedViewsVacm answers every question exactly as SNMP4J-Agent's VACM tables it stands for. */
class FixedViewsVacmTest {
  private static final OctetString READ = new OctetString("r");
  private static final OctetString WRITE = new OctetString("w");
  private static final OctetString NOTIFY = new OctetString("n");
  private static final OctetString CONTEXT = new OctetString();

  @Test
  void answersAsTheTables() {
    VacmMIB tables = new VacmMIB(new MOServer[] {new DefaultMOServer()});
    tables.addGroup(SecurityModel.SECURITY_MODEL_USM, new OctetString("bob"), new OctetString("g"), StorageType.readOnly);
    tables.addAccess(
        new OctetString("g"), CONTEXT, SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_PRIV,
        VacmMIB.vacmExactMatch, READ, WRITE, NOTIFY, StorageType.readOnly);
    VacmViews.add(tables, READ, WRITE, NOTIFY);
    FixedViewsVacm fixed = new FixedViewsVacm(tables, VacmViews.subtrees(READ, WRITE, NOTIFY));
    List<OID> oids =
        List.of(
            new OID("1.3.6.1.2.1.1.3.0"), new OID("1.3.6.1.2.1.236.1.4.1.2.7"),
            new OID("1.3.6.1.2.1.236.1.4.1.5.7"), new OID("1.3.6.1.4.1.36957.1.1.1.3.1.2"),
            new OID("1.3.6.1.4.1.36957.1.1.1.9.1"), new OID("1.3.6.1.6.3.16.1.5.2.1.6"),
            new OID("1.3.6.1.6.3.15.1.2.2.1.3"), new OID("1.3.6.1.2.1.2.2.1.1.1"), new OID("1.3.6.1.2.1.23"));
    int allowed = 0;
    for (int round = 0; round < 2; round++) { // the second round answers from what the first remembered
      for (String user : new String[] {"bob", "mallory"}) {
        for (int level : new int[] {SecurityLevel.AUTH_PRIV, SecurityLevel.NOAUTH_NOPRIV}) {
          for (int type : new int[] {VACM.VIEW_READ, VACM.VIEW_WRITE, VACM.VIEW_NOTIFY}) {
            for (OID oid : oids) {
              OctetString name = new OctetString(user);
              int want = tables.isAccessAllowed(CONTEXT, name, SecurityModel.SECURITY_MODEL_USM, level, type, oid);
              int got = fixed.isAccessAllowed(CONTEXT, name, SecurityModel.SECURITY_MODEL_USM, level, type, oid);
              assertThat(got).as("%s level %d view %d %s", user, level, type, oid).isEqualTo(want);
              allowed += got == VACM.VACM_OK ? 1 : 0;
            }
          }
        }
      }
    }
    assertThat(allowed).as("some accesses allowed, some refused").isBetween(1, oids.size() * 3 * 2 - 1);
  }
}
