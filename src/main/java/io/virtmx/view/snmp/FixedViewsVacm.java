/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.VACM;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * VACM answered from the agent's fixed configuration: view names looked up once per principal and
 * the views' included subtrees compared by prefix, instead of SNMP4J-Agent's table scans for every
 * variable binding (the VACM tables are read-only and outside every view, so they never change).
 */
final class FixedViewsVacm implements VACM {
  /** Principals remembered at most (the configured users and communities are far fewer). */
  private static final int MAX_PRINCIPALS = 1024;

  private final VacmMIB tables;
  private final Map<OctetString, List<OID>> subtrees;
  private final Map<Principal, OctetString> viewNames = new ConcurrentHashMap<>();

  /** Who asks for which kind of access. */
  private record Principal(
      OctetString context, OctetString securityName, int model, int level, int viewType) {}

  /** {@code subtrees}: each view's included subtrees, as {@link VacmViews} adds them to {@code tables}. */
  FixedViewsVacm(VacmMIB tables, Map<OctetString, List<OID>> subtrees) {
    this.tables = Objects.requireNonNull(tables, "tables");
    this.subtrees = Map.copyOf(subtrees);
  }

  @Override
  public int isAccessAllowed(
      OctetString context, OctetString securityName, int model, int level, int viewType, OID oid) {
    OctetString view = getViewName(context, securityName, model, level, viewType);
    if (view == null) {
      // Let the tables name the reason (no group, no access entry, no such context…).
      return tables.isAccessAllowed(context, securityName, model, level, viewType, oid);
    }
    return isAccessAllowed(view, oid);
  }

  @Override
  public int isAccessAllowed(OctetString viewName, OID oid) {
    List<OID> included = subtrees.get(viewName);
    if (included == null) {
      return tables.isAccessAllowed(viewName, oid);
    }
    for (OID subtree : included) {
      if (oid.startsWith(subtree)) {
        return VACM_OK;
      }
    }
    return VACM_NOT_IN_VIEW;
  }

  @Override
  public OctetString getViewName(
      OctetString context, OctetString securityName, int model, int level, int viewType) {
    Principal p = new Principal(context, securityName, model, level, viewType);
    OctetString known = viewNames.get(p);
    if (known != null) {
      return known;
    }
    OctetString view = tables.getViewName(context, securityName, model, level, viewType);
    if (view != null && viewNames.size() < MAX_PRINCIPALS) {
      viewNames.put(p, view);
    }
    return view;
  }

  @Override
  public boolean hasContext(OctetString context) {
    return tables.hasContext(context);
  }
}
