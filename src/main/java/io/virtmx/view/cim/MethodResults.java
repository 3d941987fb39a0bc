/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.OperationException;
import io.virtmx.view.cim.schema.CimType;
import java.util.List;

/**
 * What the management methods share: their reference output parameters, the return code 0
 * (Completed with No Error) and the mapping of an operation's refusal to a CIM error.
 */
final class MethodResults {
  private MethodResults() {}

  /** Return value 0, then each named output reference (a list writes a REFARRAY). */
  static void completed(RequestContext c, String param, Object refs) {
    c.out().methodReturn(CimType.UINT32, 0L);
    if (param == null) {
      return;
    }
    c.out().raw("<PARAMVALUE NAME=\"" + param + "\" PARAMTYPE=\"reference\">");
    if (refs instanceof List<?> list) {
      c.out().raw("<VALUE.REFARRAY>");
      list.forEach(r -> reference(c, (CimObjectPath) r));
      c.out().raw("</VALUE.REFARRAY>");
    } else if (refs instanceof CimObjectPath ref) {
      reference(c, ref);
    }
    c.out().raw("</PARAMVALUE>\n");
  }

  private static void reference(RequestContext c, CimObjectPath ref) {
    c.out().raw("<VALUE.REFERENCE>");
    c.out().instancePath(ref, c.ns());
    c.out().raw("</VALUE.REFERENCE>");
  }

  /** The CIM error for a refusal; NOT_FOUND says the domain does not exist, as libvirt-cim does. */
  static CimException error(OperationException e, String domain) {
    if (e.reason() == OperationException.Reason.NOT_FOUND && domain != null) {
      return notFound(domain);
    }
    return new CimException(StateChanges.code(e.reason()), e.getMessage());
  }

  static CimException notFound(String domain) {
    return new CimException(
        CimException.NOT_FOUND,
        "Referenced domain `" + domain + "' does not exist: Domain not found");
  }

  /** The reference to a RASD of ours: {@code KVM_DiskResourceAllocationSettingData.InstanceID=…}. */
  static CimObjectPath rasd(RequestContext c, String suffix, String instanceId) {
    return new CimObjectPath(
        c.ns(),
        c.model().prefix() + "_" + suffix,
        List.of(new CimObjectPath.Key("InstanceID", instanceId)));
  }

  /** Whether the model says the domain is running now (hot-plug then affects both definitions). */
  static boolean running(RequestContext c, String domain) {
    return c.model().host().domains().stream()
        .anyMatch(d -> d.name().equals(domain) && d.active());
  }
}
