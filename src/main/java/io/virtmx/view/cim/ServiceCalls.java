/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.ObjectEvent;
import io.virtmx.ops.Caller;
import io.virtmx.ops.OperationException;
import io.virtmx.ops.Operations;
import io.virtmx.view.cim.schema.CimType;
import java.util.List;

/**
 * What the snapshot, migration and pool services share: reading reference parameters, the access
 * check before a job is started (so a viewer or a read-only agent is refused by the method, not
 * by a failed job), operation errors as CIM errors, and the answer with its output references.
 */
final class ServiceCalls {
  private ServiceCalls() {}

  /** An output reference parameter of an answer. */
  record Out(String name, CimObjectPath path) {}

  /** The reference a parameter holds; CIM_ERR_INVALID_PARAMETER {@code missing} when none. */
  static CimObjectPath ref(RequestContext c, String param, String missing) {
    Object v = c.request().param(param);
    if (v instanceof CimObjectPath p) {
      return p;
    }
    throw new CimException(CimException.INVALID_PARAMETER, missing);
  }

  /** The domain name of the ComputerSystem a parameter refers to (which must exist). */
  static String domain(RequestContext c, String param) {
    CimObjectPath p = ref(c, param, "Missing " + param);
    if (!c.repo().isA(p.className(), c.model().prefix() + "_ComputerSystem")) {
      throw new CimException(CimException.FAILED, "Invalid REF in " + param);
    }
    return (String) c.instance(p.withNamespace(null)).get("Name");
  }

  /** The access check of {@code operation} on the object, as the operation itself would do it. */
  static void allowed(
      Operations ops, Caller caller, RequestContext c, ObjectEvent.Kind kind, String name, String op) {
    try {
      ops.checkAllowed(caller, op, c.model().host().host(), kind, name);
    } catch (OperationException e) {
      throw cim(e);
    }
  }

  static CimException cim(OperationException e) {
    return new CimException(StateChanges.code(e.reason()), e.getMessage());
  }

  /** Runs a synchronous operation, its refusal or failure as the CIM error. */
  static void sync(Runnable operation) {
    try {
      operation.run();
    } catch (OperationException e) {
      throw cim(e);
    }
  }

  /** The path of a job in the request's namespace. */
  static CimObjectPath jobPath(RequestContext c, CimJob job) {
    return new CimObjectPath(
        c.ns(), job.className(), List.of(new CimObjectPath.Key("InstanceID", job.id())));
  }

  /** The RETURNVALUE then each output reference as a PARAMVALUE. */
  static void answer(RequestContext c, long code, Out... refs) {
    c.out().methodReturn(CimType.UINT32, code);
    for (Out o : refs) {
      c.out().raw("<PARAMVALUE NAME=\"" + o.name() + "\" PARAMTYPE=\"reference\"><VALUE.REFERENCE>");
      c.out().instancePath(o.path(), c.ns());
      c.out().raw("</VALUE.REFERENCE></PARAMVALUE>\n");
    }
  }
}
