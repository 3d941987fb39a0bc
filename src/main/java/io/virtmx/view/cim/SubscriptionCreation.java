/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.ClassRepository;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a new filter, listener destination or subscription a client sends and adds it: a filter's
 * query must be WQL on an indication class, a destination's URL must pass the listener policy, a
 * subscription must name an existing filter and destination; the answer is the new instance's path.
 */
final class SubscriptionCreation {
  private static final int MAX_TEXT = 4096;

  private final ClassRepository repo;
  private final Indications indications;
  private final SubscriptionInstances view;

  SubscriptionCreation(ClassRepository repo, Indications indications, SubscriptionInstances view) {
    this.repo = repo;
    this.indications = indications;
    this.view = view;
  }

  CimObjectPath create(String cls, Map<String, Object> props, String owner) {
    CimClass c = repo.get(cls);
    if (c.isAbstract()) {
      throw invalid(cls + " is abstract: create a ListenerDestinationCIMXML or IndicationHandlerCIMXML");
    }
    if (repo.isA(cls, SubscriptionInstances.FILTER)) {
      return filter(props, owner);
    }
    if (repo.isA(cls, "CIM_ListenerDestination")) {
      return destination(cls, props, owner);
    }
    if (repo.isA(cls, SubscriptionInstances.SUBSCRIPTION)) {
      return subscription(props, owner);
    }
    throw new CimException(CimException.NOT_SUPPORTED, "instances of " + cls + " cannot be created");
  }

  private CimObjectPath filter(Map<String, Object> props, String owner) {
    String name = name(props);
    String query = text(props, "Query", true);
    String language = text(props, "QueryLanguage", false);
    if (language != null && !language.strip().equalsIgnoreCase("WQL")) {
      throw new CimException(
          CimException.QUERY_LANGUAGE_NOT_SUPPORTED,
          "QueryLanguage " + language + " is not supported (use WQL)");
    }
    Wql wql = new Wql(query);
    if (repo.get(wql.className) == null || !repo.isA(wql.className, "CIM_Indication")) {
      throw new CimException(
          CimException.INVALID_QUERY, "WQL: " + wql.className + " is not an indication class");
    }
    String ns = text(props, "SourceNamespace", false);
    if (ns != null && !ns.isBlank()) {
      String canonical = HostModel.namespace(ns);
      if (canonical == null || canonical.equals(HostModel.INTEROP)) {
        throw new CimException(
            CimException.INVALID_NAMESPACE,
            "SourceNamespace " + ns + " is not root/virt or root/virt/HOST");
      }
      ns = canonical;
    } else {
      ns = null;
    }
    indications.subscriptions.add(new Subscriptions.Filter(name, query.strip(), ns, owner, wql));
    return view.path(SubscriptionInstances.FILTER, name);
  }

  private CimObjectPath destination(String cls, Map<String, Object> props, String owner) {
    String name = name(props);
    String url = text(props, "Destination", true);
    indications.policy.check(url);
    indications.subscriptions.add(new Subscriptions.Destination(name, cls, url.strip(), owner));
    return view.path(cls, name);
  }

  private CimObjectPath subscription(Map<String, Object> props, String owner) {
    CimObjectPath filter = reference(props, "Filter");
    CimObjectPath handler = reference(props, "Handler");
    Subscriptions.Destination d =
        indications.subscriptions.destination(String.valueOf(handler.key("Name")));
    if (d == null) {
      throw new CimException(CimException.NOT_FOUND, "no listener destination " + handler);
    }
    Subscriptions.Filter f = indications.subscriptions.filter(String.valueOf(filter.key("Name")));
    if (f == null) {
      throw new CimException(CimException.NOT_FOUND, "no indication filter " + filter);
    }
    Subscriptions.Subscription s =
        new Subscriptions.Subscription(
            f.name(), d.name(), owner, Instant.now(), Subscriptions.ENABLED);
    indications.subscriptions.add(s);
    return view.subscription(s).path();
  }

  private static CimObjectPath reference(Map<String, Object> props, String name) {
    Object v = props.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
    if (!(v instanceof CimObjectPath p) || p.key("Name") == null) {
      throw invalid(name + " must reference a filter or destination by its keys");
    }
    return p;
  }

  /** The Name given, or a new one (as CIM servers do for destinations without a name). */
  private static String name(Map<String, Object> props) {
    String n = text(props, "Name", false);
    if (n == null || n.isBlank()) {
      return "virtmx:" + UUID.randomUUID();
    }
    if (!n.matches("[\\p{Alnum} ._:@/+-]{1,256}")) {
      throw invalid("Name '" + n + "' must be 1-256 letters, digits, spaces or ._:@/+-");
    }
    return n;
  }

  private static String text(Map<String, Object> props, String name, boolean required) {
    for (Map.Entry<String, Object> e : props.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
        String s = e.getValue().toString();
        if (s.length() > MAX_TEXT) {
          throw invalid(name + " is longer than " + MAX_TEXT + " characters");
        }
        return s;
      }
    }
    if (required) {
      throw invalid(name + " is required");
    }
    return null;
  }

  private static CimException invalid(String why) {
    return new CimException(CimException.INVALID_PARAMETER, why);
  }
}
