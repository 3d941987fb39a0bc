/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.DomainJobStats;
import io.virtmx.libvirt.HostConnection;
import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.JobInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the background job of every domain that has one running every {@link #INTERVAL}, however
 * long the collection interval: one {@code virDomainGetJobStats} call per such domain on the host's
 * own thread, the domain's job replaced in the published snapshot, until the job ends. A job the
 * agent's own {@code migrate} starts is announced and sampled from its first second; one started by
 * another client (virsh, another agent) from the first collection or refresh that shows it. A host
 * whose domains run no job costs nothing.
 */
final class JobSampler {
  static final Duration INTERVAL = Duration.ofSeconds(1);

  /** How long a job an operation announced is looked for before "no job" is believed. */
  static final Duration ANNOUNCED_GRACE = Duration.ofSeconds(10);

  private final ScheduledExecutorService scheduler;
  private final Executor own;
  private final HostConnection connection;
  private final HostPublisher publisher;

  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> announced = new ConcurrentHashMap<>();

  JobSampler(
      ScheduledExecutorService scheduler,
      Executor own,
      HostConnection connection,
      HostPublisher publisher) {
    this.scheduler = scheduler;
    this.own = own;
    this.connection = connection;
    this.publisher = publisher;
  }

  /**
   * An operation is starting a job on {@code domain}: sample it now and every second after, even
   * while libvirt does not show the job yet (for {@link #ANNOUNCED_GRACE}), until it ends.
   */
  void watch(String domain) {
    announced.put(domain, System.nanoTime() + ANNOUNCED_GRACE.toNanos());
    schedule(domain, 200);
  }

  /** Schedules a sample of each domain of the latest snapshot whose job runs (once per domain). */
  void follow() {
    Optional<HostSnapshot> latest = publisher.latest();
    if (latest.isEmpty()) {
      return;
    }
    for (DomainSnapshot d : latest.get().domains()) {
      if (d.job().running() || announced.containsKey(d.name())) {
        schedule(d.name(), INTERVAL.toMillis());
      }
    }
  }

  private void schedule(String domain, long delayMs) {
    if (pending.add(domain)) {
      scheduler.schedule(
          () -> own.execute(() -> sample(domain)), delayMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether {@code domain}'s job was announced and may still not show. */
  private boolean expected(String domain) {
    Long until = announced.get(domain);
    if (until != null && System.nanoTime() - until > 0) {
      announced.remove(domain, until);
      return false;
    }
    return until != null;
  }

  private void sample(String domain) {
    pending.remove(domain);
    HostSnapshot current = publisher.latest().orElse(null);
    Optional<DomainSnapshot> known =
        current == null ? Optional.empty() : current.domain(domain);
    if (known.isEmpty() || !(known.get().job().running() || expected(domain))) {
      return;
    }
    Optional<HostConnection.Lease> lease = connection.lease();
    if (lease.isEmpty()) {
      return;
    }
    JobInfo job;
    try (HostConnection.Lease l = lease.get()) {
      job = DomainJobStats.read(l.connect(), domain);
    } catch (LibvirtCallException e) {
      return; // gone (migrated away) or no longer answering: the next event or collection says so
    }
    if (job.running()) {
      announced.remove(domain);
    }
    publisher.refreshed(current.withDomain(known.get().withJob(job)), Map.of());
    follow();
  }
}
