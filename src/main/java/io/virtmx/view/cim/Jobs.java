/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.HostSnapshot;
import io.virtmx.ops.OperationException;
import io.virtmx.view.cim.schema.ClassRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CIM view's jobs: the work a snapshot, migration or pool method started runs here on one of
 * {@value #WORKERS} threads (at most {@value #QUEUED} more wait), and its {@link CimJob} is served
 * until an hour after it completed; at most {@value #MAX_JOBS} jobs are kept, the oldest completed
 * ones dropped first.
 */
final class Jobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  static final Duration KEPT = Duration.ofHours(1);
  static final int MAX_JOBS = 256;
  static final int WORKERS = 4;
  static final int QUEUED = 16;

  /** The work of a job; an {@link OperationException} or {@link CimException} fails the job. */
  @FunctionalInterface
  interface Work {
    void run(CimJob job);
  }

  /** Told when a job starts, changes state and is dropped; must return at once. */
  interface Watcher {
    void changed(CimJob job, IndicationKind kind, Instant at);
  }

  private final Map<String, CimJob> jobs = new LinkedHashMap<>();
  private volatile Watcher watcher = (job, kind, at) -> {};
  private final Clock clock;
  private final ThreadPoolExecutor workers;

  Jobs() {
    this(Clock.systemUTC());
  }

  Jobs(Clock clock) {
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            r -> {
              Thread t = new Thread(r, "cim-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    workers.allowCoreThreadTimeOut(true);
  }

  /** Tells {@code w} of every job's start, changes and removal from now on. */
  void watch(Watcher w) {
    this.watcher = w;
  }

  /**
   * Starts {@code work} as a job of {@code className}; refused with CIM_ERR_FAILED when the
   * workers and their queue are full, and then nothing is told to the watcher (no JobCreated
   * without its JobDeleted). The work waits until its JobCreated was told, so it comes first.
   */
  CimJob start(
      String className,
      String name,
      String host,
      String domain,
      String description,
      boolean followsDomainJob,
      Work work) {
    CimJob job =
        new CimJob(
            UUID.randomUUID().toString(),
            className,
            name,
            host,
            domain,
            description,
            followsDomainJob,
            clock.instant());
    CompletableFuture<Void> announced = new CompletableFuture<>();
    submit(
        () -> {
          announced.join();
          run(job, work);
        });
    try {
      synchronized (this) {
        prune();
        jobs.put(job.id(), job);
      }
      watcher.changed(job, IndicationKind.MIGRATION_JOB_CREATED, clock.instant());
    } finally {
      announced.complete(null);
    }
    return job;
  }

  /** Hands {@code task} to the workers; CIM_ERR_FAILED when they and their queue are full. */
  private void submit(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      throw new CimException(
          CimException.FAILED,
          "too many jobs: "
              + WORKERS
              + " run and "
              + QUEUED
              + " wait already; try again when one has completed");
    }
  }

  private void run(CimJob job, Work work) {
    job.running("Running", clock.instant());
    watcher.changed(job, IndicationKind.MIGRATION_JOB_MODIFIED, clock.instant());
    try {
      work.run(job);
      job.completed(clock.instant());
    } catch (OperationException e) {
      job.failed(StateChanges.code(e.reason()), e.getMessage(), clock.instant());
    } catch (CimException e) {
      job.failed(e.code(), e.getMessage(), clock.instant());
    } catch (RuntimeException e) {
      log.warn("CIM job {} ({}) failed", job.id(), job.className(), e);
      job.failed(CimException.FAILED, "internal error (logged by the agent)", clock.instant());
    }
    watcher.changed(job, IndicationKind.MIGRATION_JOB_MODIFIED, clock.instant());
  }

  /** The jobs of exactly {@code className} started on {@code snapshot}'s host, oldest first. */
  List<CimInstance> instances(ClassRepository repo, HostSnapshot snapshot, String className) {
    List<CimJob> mine = new ArrayList<>();
    synchronized (this) {
      prune();
      for (CimJob j : jobs.values()) {
        if (j.host().equals(snapshot.host()) && j.className().equalsIgnoreCase(className)) {
          mine.add(j);
        }
      }
    }
    Instant now = clock.instant();
    return mine.stream().map(j -> j.instance(repo, snapshot, now)).toList();
  }

  /** Drops jobs completed longer than {@link #KEPT} ago, then the oldest completed over the cap. */
  private void prune() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(KEPT);
    Iterator<CimJob> it = jobs.values().iterator();
    while (it.hasNext()) {
      CimJob j = it.next();
      if (j.ended() != null && (j.ended().isBefore(cutoff) || jobs.size() >= MAX_JOBS)) {
        it.remove();
        watcher.changed(j, IndicationKind.MIGRATION_JOB_DELETED, now);
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
