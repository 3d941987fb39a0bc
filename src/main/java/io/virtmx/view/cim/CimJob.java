/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.JobInfo;
import io.virtmx.view.cim.schema.ClassRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One piece of work a CIM method started ({@code KVM_MigrationJob}, or {@code CIM_ConcreteJob} for
 * snapshots as libvirt-cim names them), as libvirt-cim reports it: JobState 3 Starting, 4 Running,
 * 7 Completed, with ErrorCode 0 when it succeeded and the CIM error code with its text when not.
 */
final class CimJob {
  static final int STARTING = 3;
  static final int RUNNING = 4;
  static final int COMPLETED = 7;

  private static final DateTimeFormatter CIM_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS'+000'").withZone(ZoneOffset.UTC);

  private final String id;
  private final String className;
  private final String name;
  private final String host;
  private final String domain;
  private final String description;
  private final boolean followsDomainJob;
  private final Instant started;
  private int state = STARTING;
  private int percent;
  private String status = "Queued";
  private int errorCode;
  private String errorDescription;
  private Instant changed;
  private Instant ended;

  /**
   * A job of class {@code className} named {@code name} (Snapshot, Migration…) about {@code
   * domain} on {@code host}; with {@code followsDomainJob} its PercentComplete follows the
   * domain's libvirt job while it runs.
   */
  CimJob(
      String id,
      String className,
      String name,
      String host,
      String domain,
      String description,
      boolean followsDomainJob,
      Instant now) {
    this.id = id;
    this.className = className;
    this.name = name;
    this.host = host;
    this.domain = domain;
    this.description = description;
    this.followsDomainJob = followsDomainJob;
    this.started = now;
    this.changed = now;
  }

  String id() {
    return id;
  }

  String host() {
    return host;
  }

  String className() {
    return className;
  }

  synchronized void running(String text, Instant now) {
    state = RUNNING;
    status = text;
    changed = now;
  }

  /** Completed without error: PercentComplete 100. */
  synchronized void completed(Instant now) {
    state = COMPLETED;
    percent = 100;
    status = "Completed";
    changed = now;
    ended = now;
  }

  /** Completed with an error: libvirt-cim's JobState 7 with ErrorCode and the text in Status. */
  synchronized void failed(int code, String text, Instant now) {
    state = COMPLETED;
    errorCode = code;
    errorDescription = text;
    status = text;
    changed = now;
    ended = now;
  }

  synchronized int state() {
    return state;
  }

  synchronized Instant ended() {
    return ended;
  }

  /** The job's instance, PercentComplete read from the domain's libvirt job in {@code host}. */
  synchronized CimInstance instance(ClassRepository repo, HostSnapshot snapshot, Instant now) {
    if (state == RUNNING && followsDomainJob && snapshot != null) {
      JobInfo job = snapshot.domain(domain).map(DomainSnapshot::job).orElse(JobInfo.NONE);
      double ratio = job.progressRatio();
      if (!Double.isNaN(ratio)) {
        percent = Math.max(percent, (int) Math.min(99, Math.floor(ratio * 100)));
      }
    }
    return InstanceBuilder.of(repo, className)
        .set("InstanceID", id)
        .set("Name", name)
        .set("ElementName", name)
        .set("Caption", name + " of " + domain)
        .set("Description", description)
        .set("JobState", (long) state)
        .set("Status", status)
        .set("JobStatus", status)
        .set("PercentComplete", (long) percent)
        .set("ErrorCode", (long) errorCode)
        .set("ErrorDescription", errorDescription)
        .set("StartTime", CIM_TIME.format(started))
        .set("TimeOfLastStateChange", CIM_TIME.format(changed))
        .set("ElapsedTime", interval(Duration.between(started, ended == null ? now : ended)))
        .set("TimeBeforeRemoval", interval(Jobs.KEPT))
        .set("DeleteOnCompletion", true)
        .set(
            "OperationalStatus",
            state != COMPLETED ? List.of(2L) : List.of(errorCode == 0 ? 2L : 6L, 17L))
        .build();
  }

  /** A CIM interval: ddddddddhhmmss.mmmmmm:000. */
  static String interval(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format(
        "%08d%02d%02d%02d.%06d:000",
        s / 86400,
        (s / 3600) % 24,
        (s / 60) % 60,
        s % 60,
        d.getNano() / 1000);
  }
}
