/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.model.CollectorRun;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs one host's enabled collectors in registry order, each timed into a {@link CollectorRun}, and
 * refreshes the part of a snapshot an event is about. A collector that throws counts an error of
 * its kind and keeps its previous value; one that is switched off leaves its part empty.
 */
final class CollectorRunner {
  /** One enabled collector of the host, made from its registry entry. */
  private record Active<T>(CollectorRegistry.Entry<T> entry, Collector<T> collector) {
    static <T> Active<T> of(CollectorRegistry.Entry<T> entry) {
      return new Active<>(entry, entry.factory().get());
    }
  }

  private final List<Active<?>> collectors;

  CollectorRunner(CollectorRegistry registry, Set<String> enabled) {
    this.collectors = registry.entries(enabled).stream().<Active<?>>map(Active::of).toList();
  }

  int size() {
    return collectors.size();
  }

  /**
   * {@code parts} with every enabled collector's part put in, each run appended to {@code runs};
   * {@code failed} hears of each collector that threw ("collecting pools", the exception).
   */
  HostSnapshot collect(
      CollectionContext context,
      HostSnapshot previous,
      HostSnapshot parts,
      List<CollectorRun> runs,
      BiConsumer<String, Exception> failed) {
    for (Active<?> a : collectors) {
      parts = run(a, context, previous, parts, runs, failed);
    }
    return parts;
  }

  /** It succeeded when it neither threw nor counted an error. */
  private static <T> HostSnapshot run(
      Active<T> a,
      CollectionContext context,
      HostSnapshot previous,
      HostSnapshot parts,
      List<CollectorRun> runs,
      BiConsumer<String, Exception> failed) {
    CollectorRegistry.Entry<T> entry = a.entry();
    long t0 = System.nanoTime();
    long errorsBefore = context.errorCount();
    T value;
    boolean success;
    try {
      value = a.collector().collect(context);
      success = context.errorCount() == errorsBefore;
    } catch (Exception e) {
      context.error(entry.errorKind());
      failed.accept("collecting " + entry.name(), e);
      value = previous == null ? null : entry.part().apply(previous);
      success = false;
    }
    runs.add(new CollectorRun(entry.name(), Duration.ofNanos(System.nanoTime() - t0), success));
    return value == null ? parts : entry.into().apply(parts, value);
  }

  /** Whether events about objects of this kind are refreshed: its collector is enabled. */
  boolean refreshes(ObjectEvent.Kind kind) {
    return collectorFor(kind) != null;
  }

  /**
   * {@code current} with the object the event is about brought up to date (a domain alone, pools or
   * networks all); on failure the error is counted under the collector's kind, {@code failed} hears
   * of it and {@code current} is returned.
   */
  HostSnapshot refresh(
      CollectionContext context,
      HostSnapshot current,
      ObjectEvent event,
      BiConsumer<String, Exception> failed) {
    Active<?> a = collectorFor(event.kind());
    if (a == null) {
      return current;
    }
    try {
      return refreshed(a, context, current, event);
    } catch (Exception e) {
      context.error(a.entry().errorKind());
      failed.accept("refresh after " + event.event() + " " + event.name(), e);
      return current;
    }
  }

  /** Forgets what is cached about a domain, after an operation changed it. */
  void invalidateDomain(String uuid) {
    Active<?> a = collectorFor(ObjectEvent.Kind.DOMAIN);
    if (a != null && a.collector() instanceof DomainCollector domains) {
      domains.invalidate(uuid);
    }
  }

  private Active<?> collectorFor(ObjectEvent.Kind kind) {
    return collectors.stream().filter(a -> a.entry().refreshes() == kind).findFirst().orElse(null);
  }

  private static <T> HostSnapshot refreshed(
      Active<T> a, CollectionContext context, HostSnapshot current, ObjectEvent event)
      throws Exception {
    if (a.collector() instanceof DomainCollector domains) {
      String uuid = event.uuid();
      DomainSnapshot before =
          current.domains().stream().filter(d -> d.uuid().equals(uuid)).findFirst().orElse(null);
      return PciUsers.marked(
          domains
              .collectOne(context, uuid)
              .map(d -> current.withDomain(RateCalculator.carryOver(before, d)))
              .orElseGet(() -> current.withoutDomain(uuid)));
    }
    return a.entry().into().apply(current, a.collector().collect(context));
  }
}
