/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

class RoleAccessControlTest {
  private static final OctetString READ = new OctetString("r");
  private static final OctetString WRITE = new OctetString("w");
  private static final OctetString NOTIFY = new OctetString("n");
  private static final OctetString GROUP = new OctetString("g");
  private static final OctetString USER = new OctetString("alice");
  private static final OctetString CONTEXT = new OctetString();

  private final VacmMIB tables = new VacmMIB(new MOServer[] {new DefaultMOServer()});
  private final RoleAccessControl access =
      new RoleAccessControl(tables, VacmViews.subtrees(READ, WRITE, NOTIFY));

  RoleAccessControlTest() {
    VacmViews.add(tables, READ, WRITE, NOTIFY);
    tables.addGroup(SecurityModel.SECURITY_MODEL_USM, USER, GROUP, StorageType.readOnly);
    tables.addAccess(
        GROUP, CONTEXT, SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_PRIV,
        VacmMIB.vacmExactMatch, READ, WRITE, NOTIFY, StorageType.readOnly);
  }

  @Test
  void everyBindingIsDecidedAsTheVacmTablesDecideIt() {
    List<OID> probes = probes();
    int allowed = 0;
    for (OctetString view : List.of(READ, WRITE, NOTIFY, new OctetString("unknown"))) {
      for (OID oid : probes) {
        int expected = tables.isAccessAllowed(view, oid);
        assertThat(access.isAccessAllowed(view, oid)).as("%s in %s", oid, view).isEqualTo(expected);
        allowed += expected == VACM.VACM_OK ? 1 : 0;
      }
    }
    // the probes hit both answers, so the comparison above can tell the two apart
    assertThat(allowed).isBetween(1, probes.size() * 3 - 1);
  }

  @Test
  void theViewOfARequestIsTheTablesViewAndStaysSo() {
    for (int level :
        new int[] {SecurityLevel.NOAUTH_NOPRIV, SecurityLevel.AUTH_NOPRIV, SecurityLevel.AUTH_PRIV}) {
      for (int kind : new int[] {VACM.VIEW_READ, VACM.VIEW_WRITE, VACM.VIEW_NOTIFY}) {
        OctetString expected =
            tables.getViewName(CONTEXT, USER, SecurityModel.SECURITY_MODEL_USM, level, kind);
        for (int twice = 0; twice < 2; twice++) {
          assertThat(access.getViewName(CONTEXT, USER, SecurityModel.SECURITY_MODEL_USM, level, kind))
              .isEqualTo(expected);
        }
      }
    }
    assertThat(access.getViewName(CONTEXT, USER, SecurityModel.SECURITY_MODEL_USM,
            SecurityLevel.AUTH_PRIV, VACM.VIEW_WRITE)).isEqualTo(WRITE);
    assertThat(access.getViewName(CONTEXT, USER, SecurityModel.SECURITY_MODEL_USM,
            SecurityLevel.AUTH_NOPRIV, VACM.VIEW_READ)).isNull();
    assertThat(access.getViewName(CONTEXT, new OctetString("bob"),
            SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_PRIV, VACM.VIEW_READ)).isNull();
  }

  @Test
  void theFullQuestionIsAnsweredAsTheTablesAnswerIt() {
    OctetString stranger = new OctetString("bob");
    for (OID oid : probes()) {
      for (OctetString user : List.of(USER, stranger)) {
        for (int level : new int[] {SecurityLevel.AUTH_NOPRIV, SecurityLevel.AUTH_PRIV}) {
          for (int kind : new int[] {VACM.VIEW_READ, VACM.VIEW_WRITE}) {
            int model = SecurityModel.SECURITY_MODEL_USM;
            assertThat(access.isAccessAllowed(CONTEXT, user, model, level, kind, oid))
                .as("%s %s level %d kind %d", oid, user, level, kind)
                .isEqualTo(tables.isAccessAllowed(CONTEXT, user, model, level, kind, oid));
          }
        }
      }
    }
  }

  /** Each subtree, inside and around it, and the agent's own tables outside every view. */
  private static List<OID> probes() {
    List<OID> probes = new ArrayList<>();
    List<String> subtrees = new ArrayList<>();
    subtrees.addAll(List.of(VacmViews.READABLE));
    subtrees.addAll(List.of(VacmViews.WRITABLE));
    subtrees.addAll(List.of(VacmViews.NOTIFIABLE));
    for (String s : subtrees) {
      OID subtree = new OID(s);
      probes.add(subtree);
      probes.add(new OID(subtree).append("1.2.3"));
      OID parent = new OID(subtree.getValue(), 0, subtree.size() - 1);
      probes.add(parent);
      probes.add(subtree.nextPeer());
      probes.add(new OID(parent).append(subtree.last() * 10));
    }
    for (String other : new String[] {"1.3.6.1.6.3.16.1.2.1.3", "1.3.6.1.6.3.15.1.2.2.1.3", "1.3",
        "1.3.6.1.4.1.4976.1", "1.3.6.1.2.1.236.1.4.1.5.7", "1.3.6.1.4.1.36957.1.1.1.3.1.2"}) {
      probes.add(new OID(other));
    }
    return probes;
  }
}
