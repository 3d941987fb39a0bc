/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.VACM;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The agent's access control: which view a request gets is decided by the VACM tables once per
 * security name, model, level and kind of access (then remembered: the tables never change after
 * start), and whether a variable binding lies in one of the agent's own views is a prefix check of
 * its few subtrees instead of VacmMIB's table lookups per binding. Views the agent does not know
 * are left to the tables.
 */
final class RoleAccessControl implements VACM {
  /** More distinct requesters than configured users and communities can make. */
  private static final int REMEMBERED_DECISIONS = 1024;

  private final VacmMIB tables;
  private final Map<OctetString, OID[]> views;
  private final Map<Requester, OctetString> viewNames = new ConcurrentHashMap<>();

  /** Who asks for which kind of access, the key of a remembered view decision. */
  private record Requester(
      OctetString context, OctetString securityName, int model, int level, int kind) {}

  /**
   * @param views the included subtrees of each of the agent's views, exactly those given to
   *     {@code tables} (all included, no masks, so a prefix check decides)
   */
  RoleAccessControl(VacmMIB tables, Map<OctetString, OID[]> views) {
    this.tables = tables;
    this.views = Map.copyOf(views);
  }

  @Override
  public OctetString getViewName(
      OctetString context, OctetString securityName, int model, int level, int kind) {
    Requester requester =
        new Requester(copy(context), copy(securityName), model, level, kind);
    OctetString known = viewNames.get(requester);
    if (known != null) {
      return known;
    }
    OctetString view = tables.getViewName(context, securityName, model, level, kind);
    if (view != null && viewNames.size() < REMEMBERED_DECISIONS) {
      viewNames.put(requester, view);
    }
    return view;
  }

  @Override
  public int isAccessAllowed(OctetString viewName, OID oid) {
    OID[] subtrees = views.get(viewName);
    if (subtrees == null) {
      return tables.isAccessAllowed(viewName, oid);
    }
    for (OID subtree : subtrees) {
      if (oid.startsWith(subtree)) {
        return VACM_OK;
      }
    }
    return VACM_NOT_IN_VIEW;
  }

  @Override
  public int isAccessAllowed(
      OctetString context, OctetString securityName, int model, int level, int kind, OID oid) {
    OctetString view = getViewName(context, securityName, model, level, kind);
    if (view == null || !views.containsKey(view)) {
      return tables.isAccessAllowed(context, securityName, model, level, kind, oid);
    }
    return isAccessAllowed(view, oid);
  }

  @Override
  public boolean hasContext(OctetString context) {
    return tables.hasContext(context);
  }

  private static OctetString copy(OctetString s) {
    return s == null ? null : new OctetString(s.getValue());
  }
}
