/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import com.sun.jna.Pointer;
import io.virtmx.libvirt.GuestAgentCalls;
import io.virtmx.libvirt.GuestAgentCalls.AddressSource;
import io.virtmx.libvirt.GuestInfoParser;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.LibvirtNative;
import io.virtmx.model.GuestInsight;
import io.virtmx.model.GuestInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's guest insight, gathered apart from the statistics on its own interval: each running
 * domain's agent is asked on a pool of its own, each answer awaited at most the timeout, so a guest
 * whose agent hangs is marked {@link GuestInsight.Agent#DOWN} and costs no other domain anything. A
 * domain whose last call still hangs is not asked again (one thread per hung agent at most).
 */
final class GuestWatch {
  private static final Logger log = LoggerFactory.getLogger(GuestWatch.class);
  private static final int THREADS = 4;

  private final GuestSettings settings;
  private final Map<String, GuestInsight> latest = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<GuestInsight>> inFlight = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor pool;
  private long lastRound = Long.MIN_VALUE;

  GuestWatch(GuestSettings settings) {
    this.settings = settings;
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "virtmx-guest-agent");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** What the agent of this domain said last, {@link GuestInsight#UNKNOWN} if never asked. */
  GuestInsight latest(String uuid) {
    return latest.getOrDefault(uuid, GuestInsight.UNKNOWN);
  }

  /**
   * Starts a round over these running domains when the interval has passed; its answers reach the
   * next collection. With {@code awaitFirst} (a one-shot collection) the first round is awaited, at
   * most the timeout, so the collection carries guest data. Without it the first round starts with
   * the second collection, so a long-running agent's first snapshot neither waits for a thousand
   * guests nor shares libvirtd with their calls.
   */
  void askIfDue(Pointer conn, boolean awaitFirst, Collection<String> runningUuids) {
    latest.keySet().retainAll(runningUuids);
    long now = System.nanoTime();
    boolean first = lastRound == Long.MIN_VALUE;
    if (first && !awaitFirst) {
      lastRound = now - settings.interval().toNanos(); // due at the next collection
      return;
    }
    if (!first && now - lastRound < settings.interval().toNanos()) {
      return;
    }
    lastRound = now;
    CompletableFuture<Void> round = round(conn, runningUuids);
    if (first && awaitFirst) {
      try {
        round.get(settings.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        log.debug("first guest round not complete: {}", e.toString());
      }
    }
  }

  private CompletableFuture<Void> round(Pointer conn, Collection<String> uuids) {
    Pointer held = GuestAgentCalls.holdConnection(conn);
    List<CompletableFuture<GuestInsight>> asked = new ArrayList<>();
    List<CompletableFuture<Void>> bounded = new ArrayList<>();
    for (String uuid : uuids) {
      CompletableFuture<GuestInsight> previous = inFlight.get(uuid);
      if (previous != null && !previous.isDone()) {
        latest.put(uuid, GuestInsight.agentDown(Instant.now(), List.of()));
        continue;
      }
      CompletableFuture<GuestInsight> call =
          CompletableFuture.supplyAsync(() -> ask(held, uuid), pool);
      inFlight.put(uuid, call);
      asked.add(call);
      bounded.add(
          call.copy()
              .completeOnTimeout(null, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
              .handle((answer, failure) -> record(uuid, answer)));
    }
    // released exactly once, when the last call has returned (at once when there was none: a
    // second release here dropped the collector's own reference, and closing the connection then
    // deadlocked inside libvirt)
    CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
        .whenComplete((ok, failure) -> GuestAgentCalls.releaseConnection(held));
    return CompletableFuture.allOf(bounded.toArray(CompletableFuture[]::new));
  }

  private Void record(String uuid, GuestInsight answer) {
    latest.put(uuid, answer != null ? answer : GuestInsight.agentDown(Instant.now(), List.of()));
    return null;
  }

  /** One domain: its agent's info and addresses, else the addresses the host knows. */
  private static GuestInsight ask(Pointer conn, String uuid) {
    Pointer dom = LibvirtNative.INSTANCE.virDomainLookupByUUIDString(conn, uuid);
    if (dom == null) {
      LibvirtNative.INSTANCE.virResetLastError();
      return GuestInsight.agentDown(Instant.now(), List.of());
    }
    try {
      Map<String, Object> info = GuestAgentCalls.guestInfo(dom);
      List<GuestInterface> ifaces = GuestAgentCalls.addresses(dom, AddressSource.AGENT);
      return new GuestInsight(
          GuestInsight.Agent.UP,
          Instant.now(),
          GuestInfoParser.os(info),
          GuestInfoParser.hostname(info),
          GuestInfoParser.timezone(info),
          GuestInfoParser.users(info),
          GuestInfoParser.filesystems(info),
          ifaces);
    } catch (LibvirtCallException agentSilent) {
      log.debug("guest agent of {} did not answer: {}", uuid, agentSilent.getMessage());
      return GuestInsight.agentDown(Instant.now(), hostKnownAddresses(dom));
    } finally {
      LibvirtNative.INSTANCE.virDomainFree(dom);
    }
  }

  /** DHCP lease, else ARP: what the host knows of a guest's addresses without its agent. */
  private static List<GuestInterface> hostKnownAddresses(Pointer dom) {
    for (AddressSource source : List.of(AddressSource.LEASE, AddressSource.ARP)) {
      try {
        List<GuestInterface> found = GuestAgentCalls.addresses(dom, source);
        if (found.stream().anyMatch(i -> !i.addresses().isEmpty())) {
          return found;
        }
      } catch (LibvirtCallException e) {
        log.debug("{} addresses not available: {}", source.label(), e.getMessage());
      }
    }
    return List.of();
  }

  /** How long one guest may take. */
  Duration timeout() {
    return settings.timeout();
  }

  void close() {
    pool.shutdownNow();
  }
}
