/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.xml.ExportXml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts indications to listener destinations as CIM-XML ExportIndication, in order per
 * destination: each destination has a bounded queue (full: the indication is dropped and counted)
 * and at most one request in flight, sent asynchronously with connect and read timeouts, so a slow
 * or dead listener holds no thread and delays no other listener. A failed delivery is retried
 * {@code DeliveryRetryAttempts} times {@code DeliveryRetryInterval} apart; a destination failing
 * for {@code SubscriptionRemovalTimeInterval} is handed to {@code onFailing} (which removes or
 * disables its subscriptions).
 */
final class IndicationDelivery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndicationDelivery.class);

  /** One indication waiting for its destination. */
  private static final class Pending {
    final CimInstance indication;
    int failures;

    Pending(CimInstance indication) {
      this.indication = indication;
    }
  }

  /** The queue and sequence of one destination. */
  static final class Outbox {
    final String destination;
    final String context;
    volatile URI url;
    final ArrayBlockingQueue<Pending> queue =
        new ArrayBlockingQueue<>(DeliverySettings.QUEUE_PER_DESTINATION);
    final AtomicLong sequence = new AtomicLong();
    final AtomicBoolean busy = new AtomicBoolean();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    volatile long failingSince;

    Outbox(String destination, String context) {
      this.destination = destination;
      this.context = context;
    }
  }

  private final DeliverySettings settings;
  private final Function<String, CimClass> classes;
  private final Predicate<String> onFailing;
  private final Predicate<URI> allowed;
  private final ScheduledExecutorService pool;
  private final HttpClient http;
  private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong messages = new AtomicLong();

  /**
   * {@code onFailing} applies the removal action to a destination; true when it removed any. {@code
   * allowed} checks a destination's address again before each delivery (its name may resolve
   * elsewhere by now, and a kept subscription may predate the allowed networks).
   */
  IndicationDelivery(
      DeliverySettings settings,
      Function<String, CimClass> classes,
      Predicate<String> onFailing,
      Predicate<URI> allowed) {
    this.settings = settings;
    this.classes = classes;
    this.onFailing = onFailing;
    this.allowed = allowed;
    this.pool =
        Executors.newScheduledThreadPool(
            DeliverySettings.SENDER_THREADS,
            r -> {
              Thread t = new Thread(r, "cim-indication-sender");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DeliverySettings.CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(pool)
            .build();
  }

  /** Queues {@code indication} for a destination, numbered in the destination's sequence. */
  void send(String destination, URI url, Indication indication, String filterName) {
    Outbox o =
        outboxes.computeIfAbsent(
            key(destination), k -> new Outbox(destination, "virtmx:" + run + ":" + destination));
    o.url = url;
    long n = o.sequence.getAndIncrement();
    if (!o.queue.offer(new Pending(indication.forListener(filterName, o.context, n)))) {
      o.dropped.incrementAndGet();
      return;
    }
    kick(o);
  }

  /** The destination's counters, or null when nothing was sent to it yet. */
  Outbox outbox(String destination) {
    return outboxes.get(key(destination));
  }

  /** Forgets a destination: what is queued for it is dropped. */
  void forget(String destination) {
    Outbox o = outboxes.remove(key(destination));
    if (o != null) {
      o.queue.clear();
    }
  }

  private void kick(Outbox o) {
    if (o.busy.compareAndSet(false, true)) {
      pool.execute(() -> next(o));
    }
  }

  private void next(Outbox o) {
    Pending p = o.queue.peek();
    if (p == null) {
      o.busy.set(false);
      if (!o.queue.isEmpty()) {
        kick(o);
      }
      return;
    }
    if (!allowed.test(o.url)) {
      done(o, p, null, new java.io.IOException(o.url.getHost() + " is not an allowed listener now"));
      return;
    }
    String body =
        ExportXml.exportIndication(
            Long.toString(messages.incrementAndGet()), p.indication, classes, "localhost");
    HttpRequest request =
        HttpRequest.newBuilder(o.url)
            .timeout(DeliverySettings.READ_TIMEOUT)
            .header("Content-Type", "application/xml; charset=utf-8")
            .header("CIMExport", "MethodRequest")
            .header("CIMExportMethod", "ExportIndication")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      // the answer bounded in size and, headers and body together, in time: a listener that
      // dribbles an endless body neither fills memory nor holds its outbox
      http.sendAsync(request, BoundedAnswer.handler())
          .orTimeout(DeliverySettings.READ_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)
          .whenComplete((r, e) -> done(o, p, r, e));
    } catch (RuntimeException e) {
      done(o, p, null, e);
    }
  }

  private void done(Outbox o, Pending p, HttpResponse<String> r, Throwable error) {
    boolean ok = error == null && r.statusCode() == 200 && !r.body().contains("<ERROR");
    if (ok) {
      o.queue.poll();
      o.failingSince = 0;
      o.delivered.incrementAndGet();
      pool.execute(() -> next(o));
      return;
    }
    long now = System.nanoTime();
    if (o.failingSince == 0) {
      o.failingSince = now;
    }
    p.failures++;
    if (p.failures <= settings.retryAttempts()) {
      pool.schedule(() -> next(o), settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    o.queue.poll();
    o.dropped.incrementAndGet();
    log.warn(
        "CIM listener {} ({}): indication dropped after {} attempts: {}",
        o.destination,
        o.url,
        p.failures,
        error != null ? error.toString() : "HTTP " + r.statusCode());
    if (now - o.failingSince >= settings.removalInterval().toNanos()
        && onFailing.test(o.destination)) {
      forget(o.destination);
      o.busy.set(false);
      return;
    }
    pool.execute(() -> next(o));
  }

  private static String key(String destination) {
    return destination.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
