/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The indication filters, listener destinations and subscriptions operators created, by name, with
 * the limits on their number; after every change a copy is handed to {@code onChange} (which keeps
 * the file) outside the lock, the newest copy last: a slow disk never holds up the other users of
 * these maps, and an older copy never overwrites a newer one.
 */
final class Subscriptions {
  /** A filter: its WQL query and the namespace its events come from (null: every host). */
  record Filter(String name, String query, String sourceNamespace, String owner, Wql wql) {}

  /** A listener destination of class {@code className} (ListenerDestinationCIMXML or handler). */
  record Destination(String name, String className, String url, String owner) {}

  /** SubscriptionState 2 (enabled) or 4 (disabled). */
  record Subscription(String filter, String destination, String owner, Instant created, int state) {
    String key() {
      return Subscriptions.key(filter) + "|" + Subscriptions.key(destination);
    }
  }

  static final int ENABLED = 2;
  static final int DISABLED = 4;

  private final Map<String, Filter> filters = new LinkedHashMap<>();
  private final Map<String, Destination> destinations = new LinkedHashMap<>();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private volatile Consumer<Subscriptions> onChange = s -> {};
  /** Counts the changes; guarded by this. */
  private long version;
  /** A copy of the state at {@code version}; guarded by this. */
  private Subscriptions latest;
  /** Serialises the hand-overs to {@code onChange}. */
  private final Object handOver = new Object();
  /** The version last handed over; guarded by handOver. */
  private long handedOver;

  void onChange(Consumer<Subscriptions> listener) {
    this.onChange = listener;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  void add(Filter f) {
    addLocked(f);
    handOver();
  }

  private synchronized void addLocked(Filter f) {
    exists(filters.containsKey(key(f.name())), "filter", f.name());
    limit(filters.size(), DeliverySettings.MAX_FILTERS, "filters");
    filters.put(key(f.name()), f);
    changed();
  }

  void add(Destination d) {
    addLocked(d);
    handOver();
  }

  private synchronized void addLocked(Destination d) {
    exists(destinations.containsKey(key(d.name())), "listener destination", d.name());
    limit(destinations.size(), DeliverySettings.MAX_DESTINATIONS, "listener destinations");
    destinations.put(key(d.name()), d);
    changed();
  }

  void add(Subscription s) {
    addLocked(s);
    handOver();
  }

  private synchronized void addLocked(Subscription s) {
    if (!filters.containsKey(key(s.filter()))) {
      throw new CimException(CimException.NOT_FOUND, "no indication filter " + s.filter());
    }
    if (!destinations.containsKey(key(s.destination()))) {
      throw new CimException(CimException.NOT_FOUND, "no listener destination " + s.destination());
    }
    exists(subscriptions.containsKey(s.key()), "subscription", s.filter() + " -> " + s.destination());
    limit(subscriptions.size(), DeliverySettings.MAX_SUBSCRIPTIONS, "subscriptions");
    subscriptions.put(s.key(), s);
    changed();
  }

  synchronized Filter filter(String name) {
    return filters.get(key(name));
  }

  synchronized Destination destination(String name) {
    return destinations.get(key(name));
  }

  synchronized Subscription subscription(String filter, String destination) {
    return subscriptions.get(key(filter) + "|" + key(destination));
  }

  synchronized List<Filter> filters() {
    return new ArrayList<>(filters.values());
  }

  synchronized List<Destination> destinations() {
    return new ArrayList<>(destinations.values());
  }

  synchronized List<Subscription> subscriptions() {
    return new ArrayList<>(subscriptions.values());
  }

  /** Deletes a filter or destination; one a subscription still names is refused (DSP1054). */
  void removeFilter(String name) {
    removeFilterLocked(name);
    handOver();
  }

  private synchronized void removeFilterLocked(String name) {
    inUse(subscriptions.values().stream().anyMatch(s -> key(s.filter()).equals(key(name))), name);
    if (filters.remove(key(name)) == null) {
      throw new CimException(CimException.NOT_FOUND, "no indication filter " + name);
    }
    changed();
  }

  void removeDestination(String name) {
    removeDestinationLocked(name);
    handOver();
  }

  private synchronized void removeDestinationLocked(String name) {
    inUse(
        subscriptions.values().stream().anyMatch(s -> key(s.destination()).equals(key(name))), name);
    if (destinations.remove(key(name)) == null) {
      throw new CimException(CimException.NOT_FOUND, "no listener destination " + name);
    }
    changed();
  }

  boolean removeSubscription(String filter, String destination) {
    boolean removed = removeSubscriptionLocked(filter, destination);
    handOver();
    return removed;
  }

  private synchronized boolean removeSubscriptionLocked(String filter, String destination) {
    boolean removed = subscriptions.remove(key(filter) + "|" + key(destination)) != null;
    if (removed) {
      changed();
    }
    return removed;
  }

  /** Applies SubscriptionRemovalAction to every subscription of a failing destination. */
  List<Subscription> failing(String destination, DeliverySettings.RemovalAction a) {
    List<Subscription> hit = failingLocked(destination, a);
    handOver();
    return hit;
  }

  private synchronized List<Subscription> failingLocked(
      String destination, DeliverySettings.RemovalAction a) {
    List<Subscription> hit =
        subscriptions.values().stream()
            .filter(s -> key(s.destination()).equals(key(destination)))
            .toList();
    if (a == DeliverySettings.RemovalAction.IGNORE || hit.isEmpty()) {
      return List.of();
    }
    for (Subscription s : hit) {
      if (a == DeliverySettings.RemovalAction.REMOVE) {
        subscriptions.remove(s.key());
      } else {
        subscriptions.put(
            s.key(), new Subscription(s.filter(), s.destination(), s.owner(), s.created(), DISABLED));
      }
    }
    changed();
    return hit;
  }

  /** Counts a change and keeps a copy of the new state; called holding the lock. */
  private void changed() {
    version++;
    Subscriptions copy = new Subscriptions();
    copy.filters.putAll(filters);
    copy.destinations.putAll(destinations);
    copy.subscriptions.putAll(subscriptions);
    copy.version = version;
    latest = copy;
  }

  /**
   * Hands the newest copy to {@code onChange} unless it (or a newer one) was handed over already;
   * called without the lock after each change, so every change is handed over by its own call or
   * a later one.
   */
  private void handOver() {
    synchronized (handOver) {
      Subscriptions copy;
      synchronized (this) {
        copy = latest;
      }
      if (copy == null || copy.version <= handedOver) {
        return;
      }
      onChange.accept(copy);
      handedOver = copy.version;
    }
  }

  /** How many changes this state has seen (a copy: the changes up to when it was taken). */
  synchronized long version() {
    return version;
  }

  private static void exists(boolean exists, String what, String name) {
    if (exists) {
      throw new CimException(CimException.ALREADY_EXISTS, "the " + what + " " + name + " exists");
    }
  }

  private static void limit(int size, int max, String what) {
    if (size >= max) {
      throw new CimException(
          CimException.SERVER_LIMITS_EXCEEDED, "at most " + max + " " + what + " may exist");
    }
  }

  private static void inUse(boolean used, String name) {
    if (used) {
      throw new CimException(
          CimException.FAILED, name + " is named by a subscription: delete the subscription first");
    }
  }
}
