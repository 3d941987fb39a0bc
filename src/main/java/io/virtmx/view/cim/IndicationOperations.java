/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.ops.OperationException;
import io.virtmx.ops.Operations;
import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.xml.CimRequest;
import io.virtmx.view.cim.xml.InstanceXml;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The intrinsic operations on the indication classes in root/interop: operators create and delete
 * filters, listener destinations and subscriptions (checked, refused in read-only mode and audited
 * by the operations service); everyone enumerates and gets them, a viewer only those created under
 * their name.
 */
final class IndicationOperations {
  private static final Set<String> METHODS =
      Set.of(
          "EnumerateInstances",
          "EnumerateInstanceNames",
          "GetInstance",
          "CreateInstance",
          "DeleteInstance",
          "ModifyInstance");
  private static final List<String> ROOTS =
      List.of(
          SubscriptionInstances.FILTER,
          "CIM_ListenerDestination",
          SubscriptionInstances.SUBSCRIPTION,
          SubscriptionInstances.SERVICE);

  private final Indications indications;
  private final Operations operations;

  IndicationOperations(Indications indications, Operations operations) {
    this.indications = indications;
    this.operations = operations;
  }

  /** Whether the request is one of ours: an instance operation on an indication class in interop. */
  boolean handles(RequestContext c) {
    String m = c.request().method();
    if (!c.ns().equals(HostModel.INTEROP) || !METHODS.contains(m)) {
      return false;
    }
    String cls = targetClass(c.request());
    return cls != null && ROOTS.stream().anyMatch(r -> c.repo().isA(cls, r));
  }

  private static String targetClass(CimRequest r) {
    if (r.has("ClassName")) {
      return r.className("ClassName");
    }
    Object v = r.param(r.has("NewInstance") ? "NewInstance" : "InstanceName");
    if (v instanceof CimObjectPath p) {
      return p.className();
    }
    return v == null || r.has("InstanceName") ? null : InstanceXml.className(v);
  }

  void run(RequestContext c, Caller caller) {
    SubscriptionInstances view =
        new SubscriptionInstances(c.repo(), indications, HostInstances.fqdn(c.model().host()));
    String owner = caller.role().mayOperate() ? null : caller.name();
    boolean creation = true;
    String m = c.request().method();
    c.out().returnValueOpen();
    switch (m) {
      case "EnumerateInstances" -> {
        CimClass cls = c.requiredClass("ClassName");
        var keep = CimOperations.instanceSelection(c.request(), cls, true);
        for (CimInstance i : view.all(cls.name(), owner, creation)) {
          c.out().namedInstance(i, c.repo().get(i.className()), keep, false, false, c.ns());
        }
      }
      case "EnumerateInstanceNames" ->
          view.all(c.requiredClass("ClassName").name(), owner, creation)
              .forEach(i -> c.out().instanceName(i.path()));
      case "GetInstance" -> {
        CimInstance i = find(c, view, owner, creation);
        CimClass cls = c.repo().get(i.className());
        c.out()
            .instance(
                i, cls, CimOperations.instanceSelection(c.request(), cls, true), false, false, c.ns());
      }
      case "CreateInstance" -> c.out().instanceName(create(c, view, caller));
      case "DeleteInstance" -> delete(c, caller);
      default ->
          throw new CimException(
              CimException.NOT_SUPPORTED,
              m + " of indication classes is not supported: delete and create again");
    }
    c.out().returnValueClose();
  }

  private CimInstance find(RequestContext c, SubscriptionInstances view, String owner, boolean ce) {
    CimObjectPath p = path(c);
    return view.all(p.className(), owner, ce).stream()
        .filter(i -> same(i.path(), p))
        .findFirst()
        .orElseThrow(() -> new CimException(CimException.NOT_FOUND, "no instance " + p));
  }

  /** Filters and destinations by Name, subscriptions by the names their references hold. */
  private static boolean same(CimObjectPath have, CimObjectPath asked) {
    if (!have.className().equalsIgnoreCase(asked.className())) {
      return false;
    }
    if (have.className().equalsIgnoreCase(SubscriptionInstances.SUBSCRIPTION)) {
      return nameOf(have.key("Filter")).equalsIgnoreCase(nameOf(asked.key("Filter")))
          && nameOf(have.key("Handler")).equalsIgnoreCase(nameOf(asked.key("Handler")));
    }
    return String.valueOf(have.key("Name")).equalsIgnoreCase(String.valueOf(asked.key("Name")));
  }

  private static String nameOf(Object ref) {
    return ref instanceof CimObjectPath p && p.key("Name") != null ? p.key("Name").toString() : "";
  }

  private static CimObjectPath path(RequestContext c) {
    if (!(c.request().param("InstanceName") instanceof CimObjectPath p)) {
      throw new CimException(CimException.INVALID_PARAMETER, "InstanceName must be an instance name");
    }
    return p;
  }

  private CimObjectPath create(RequestContext c, SubscriptionInstances view, Caller caller) {
    Object value = c.request().param("NewInstance");
    String cls = c.knownClass(InstanceXml.className(value)).name();
    Map<String, Object> props = InstanceXml.properties(value);
    return changing(
        caller,
        "CreateInstance",
        cls,
        detail(props),
        () -> new SubscriptionCreation(c.repo(), indications, view).create(cls, props, caller.name()));
  }

  private void delete(RequestContext c, Caller caller) {
    CimObjectPath p = path(c);
    String cls = c.knownClass(p.className()).name();
    Subscriptions subs = indications.subscriptions;
    changing(
        caller,
        "DeleteInstance",
        cls,
        p.toString(),
        () -> {
          if (c.repo().isA(cls, SubscriptionInstances.SUBSCRIPTION)) {
            if (!subs.removeSubscription(nameOf(p.key("Filter")), nameOf(p.key("Handler")))) {
              throw new CimException(CimException.NOT_FOUND, "no instance " + p);
            }
          } else if (c.repo().isA(cls, SubscriptionInstances.FILTER)) {
            subs.removeFilter(String.valueOf(p.key("Name")));
          } else if (c.repo().isA(cls, "CIM_ListenerDestination")) {
            subs.removeDestination(String.valueOf(p.key("Name")));
            indications.forget(String.valueOf(p.key("Name")));
          } else {
            throw new CimException(CimException.NOT_SUPPORTED, cls + " cannot be deleted");
          }
          return null;
        });
  }

  /** What the audit line says of a new instance: its name, listener URL and query, as given. */
  private static String detail(Map<String, Object> props) {
    StringBuilder b = new StringBuilder();
    for (String key : new String[] {"Name", "Destination", "Query", "Filter", "Handler"}) {
      Object v = props.get(key);
      if (v != null) {
        b.append(b.length() == 0 ? "" : " ").append(key).append('=').append(v);
      }
    }
    return b.length() > 512 ? b.substring(0, 512) : b.toString();
  }

  /** Runs a change through the operations service: access check, read-only refusal, audit line. */
  private <T> T changing(Caller caller, String op, String cls, String detail, Supplier<T> work) {
    try {
      String d = detail.length() > 512 ? detail.substring(0, 512) : detail;
      return operations.agentChange(caller, op, "cim/" + cls, d, work);
    } catch (OperationException e) {
      throw new CimException(StateChanges.code(e.reason()), e.getMessage());
    }
  }
}
