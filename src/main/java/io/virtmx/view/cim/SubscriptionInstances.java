/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIM instances of the indication service in root/interop: IndicationService,
 * IndicationFilter, ListenerDestinationCIMXML or IndicationHandlerCIMXML, and IndicationSubscription
 * (with the destination's delivered and dropped counts).
 */
final class SubscriptionInstances {
  static final String FILTER = "CIM_IndicationFilter";
  static final String SUBSCRIPTION = "CIM_IndicationSubscription";
  static final String SERVICE = "CIM_IndicationService";
  private static final String SYSTEM_CLASS = "CIM_ComputerSystem";
  private static final DateTimeFormatter CIM_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS'+000'").withZone(ZoneOffset.UTC);

  private final ClassRepository repo;
  private final Indications indications;
  private final String system;

  SubscriptionInstances(ClassRepository repo, Indications indications, String system) {
    this.repo = repo;
    this.indications = indications;
    this.system = system;
  }

  CimInstance service(boolean creationEnabled) {
    DeliverySettings s = indications.settings;
    return InstanceBuilder.of(repo, SERVICE)
        .set("SystemCreationClassName", SYSTEM_CLASS)
        .set("SystemName", system)
        .set("CreationClassName", SERVICE)
        .set("Name", "virtmx:IndicationService")
        .set("ElementName", "virtmx indication service")
        .set("Started", true)
        .set("EnabledState", 2L)
        .set("FilterCreationEnabled", creationEnabled)
        .set("SubscriptionRemovalAction", (long) s.removalAction().code)
        .set("SubscriptionRemovalTimeInterval", s.removalInterval().toSeconds())
        .set("DeliveryRetryAttempts", (long) s.retryAttempts())
        .set("DeliveryRetryInterval", s.retryInterval().toSeconds())
        .build();
  }

  CimInstance filter(Subscriptions.Filter f) {
    return InstanceBuilder.of(repo, FILTER)
        .set("SystemCreationClassName", SYSTEM_CLASS)
        .set("SystemName", system)
        .set("CreationClassName", FILTER)
        .set("Name", f.name())
        .set("ElementName", f.name())
        .set("Query", f.query())
        .set("QueryLanguage", "WQL")
        .set("SourceNamespace", f.sourceNamespace())
        .set("IndividualSubscriptionSupported", true)
        .build();
  }

  CimInstance destination(Subscriptions.Destination d) {
    InstanceBuilder b =
        InstanceBuilder.of(repo, d.className())
            .set("SystemCreationClassName", SYSTEM_CLASS)
            .set("SystemName", system)
            .set("CreationClassName", d.className())
            .set("Name", d.name())
            .set("ElementName", d.name())
            .set("Destination", d.url())
            .set("PersistenceType", 2L)
            .set("Protocol", 2L);
    if (repo.isA(d.className(), "CIM_IndicationHandler")) {
      b.set("Owner", d.owner());
    }
    return b.build();
  }

  CimInstance subscription(Subscriptions.Subscription s) {
    Subscriptions.Destination d = indications.subscriptions.destination(s.destination());
    String destClass = d == null ? "CIM_ListenerDestinationCIMXML" : d.className();
    long[] counts = indications.counts(s.destination());
    return InstanceBuilder.of(repo, SUBSCRIPTION)
        .set("Filter", path(FILTER, s.filter()))
        .set("Handler", path(destClass, s.destination()))
        .set("SubscriptionState", (long) s.state())
        .set("SubscriptionStartTime", CIM_TIME.format(s.created()))
        .set("DeliveredIndications", counts[0])
        .set("DroppedIndications", counts[1])
        .build();
  }

  /** The path of a filter or destination of that name in root/interop. */
  CimObjectPath path(String className, String name) {
    return new CimObjectPath(
        HostModel.INTEROP,
        className,
        List.of(
            new CimObjectPath.Key("SystemCreationClassName", SYSTEM_CLASS),
            new CimObjectPath.Key("SystemName", system),
            new CimObjectPath.Key("CreationClassName", className),
            new CimObjectPath.Key("Name", name)));
  }

  /** Every instance of {@code className} (and its subclasses) {@code owner} may see (null: all). */
  List<CimInstance> all(String className, String owner, boolean creationEnabled) {
    List<CimInstance> out = new ArrayList<>();
    Subscriptions subs = indications.subscriptions;
    if (repo.isA(SERVICE, className)) {
      out.add(service(creationEnabled));
    }
    if (repo.isA(FILTER, className)) {
      subs.filters().stream().filter(f -> mine(f.owner(), owner)).map(this::filter).forEach(out::add);
    }
    for (Subscriptions.Destination d : subs.destinations()) {
      if (repo.isA(d.className(), className) && mine(d.owner(), owner)) {
        out.add(destination(d));
      }
    }
    if (repo.isA(SUBSCRIPTION, className)) {
      subs.subscriptions().stream()
          .filter(s -> mine(s.owner(), owner))
          .map(this::subscription)
          .forEach(out::add);
    }
    return out;
  }

  private static boolean mine(String created, String owner) {
    return owner == null || owner.equals(created);
  }
}
