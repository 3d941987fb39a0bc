/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indication service: the subscriptions (loaded from and kept in their file), and for each
 * published indication, every enabled subscription whose filter's namespace, class and WHERE clause
 * select it, handed to delivery for its destination.
 */
final class Indications implements IndicationSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Indications.class);

  final DeliverySettings settings;
  final Subscriptions subscriptions = new Subscriptions();
  final ListenerPolicy policy;
  private final ClassRepository repo;
  private final IndicationDelivery delivery;

  Indications(ClassRepository repo, DeliverySettings settings) {
    this.repo = repo;
    this.settings = settings;
    this.policy = new ListenerPolicy(settings.allowedListeners());
    this.delivery = new IndicationDelivery(settings, repo::get, this::failing, this::allowedNow);
    if (settings.subscriptionsFile() != null) {
      SubscriptionFile file = new SubscriptionFile(settings.subscriptionsFile());
      file.load(subscriptions);
      subscriptions.onChange(file::save);
      log.info(
          "CIM indications: {} subscriptions kept in {}",
          subscriptions.subscriptions().size(),
          settings.subscriptionsFile());
    }
  }

  @Override
  public void publish(Indication indication) {
    String cls = indication.instance().className();
    for (Subscriptions.Subscription s : subscriptions.subscriptions()) {
      if (s.state() != Subscriptions.ENABLED) {
        continue;
      }
      Subscriptions.Filter f = subscriptions.filter(s.filter());
      Subscriptions.Destination d = subscriptions.destination(s.destination());
      if (f == null
          || d == null
          || !inNamespace(f.sourceNamespace(), indication.namespaces())
          || !repo.isA(cls, f.wql().className)
          || !f.wql().where.test(indication.instance())) {
        continue;
      }
      delivery.send(d.name(), URI.create(d.url()), indication, f.name());
    }
  }

  /** The listener policy at delivery time: what the destination's name resolves to now. */
  private boolean allowedNow(URI url) {
    try {
      policy.check(url.toString());
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  private static boolean inNamespace(String filterNs, List<String> namespaces) {
    if (filterNs == null || filterNs.isBlank()) {
      return true;
    }
    String ns = HostModel.namespace(filterNs);
    return namespaces.stream().anyMatch(n -> n.equalsIgnoreCase(ns));
  }

  /** A destination kept failing: its subscriptions removed or disabled as the settings say. */
  private boolean failing(String destination) {
    List<Subscriptions.Subscription> hit =
        subscriptions.failing(destination, settings.removalAction());
    if (!hit.isEmpty()) {
      log.warn(
          "CIM listener {} kept failing for {} s: {} of its {} subscriptions",
          destination,
          settings.removalInterval().toSeconds(),
          settings.removalAction() == DeliverySettings.RemovalAction.REMOVE
              ? "removed"
              : "disabled",
          hit.size());
    }
    return !hit.isEmpty();
  }

  /** Delivered and dropped counts of a destination ({0, 0} before anything was sent). */
  long[] counts(String destination) {
    IndicationDelivery.Outbox o = delivery.outbox(destination);
    return o == null ? new long[2] : new long[] {o.delivered.get(), o.dropped.get()};
  }

  void forget(String destination) {
    delivery.forget(destination);
  }

  @Override
  public void close() {
    delivery.close();
  }
}
