/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * libvirt-cim's migration job indications from the {@link Jobs}: {@code
 * KVM_ComputerSystemMigrationJobCreatedIndication} when a migration starts, {@code …Modified…}
 * (with PreviousInstance) when it runs and when it completes or fails, {@code …Deleted…} when the
 * job is dropped; the KVM_MigrationJob is the SourceInstance. Other jobs send none, as in
 * libvirt-cim.
 */
final class JobIndications implements Jobs.Watcher {
  private final ClassRepository repo;
  private final Function<String, List<String>> namespacesOfHost;
  private final IndicationSink sink;
  private final Map<String, CimInstance> last = new ConcurrentHashMap<>();

  JobIndications(
      ClassRepository repo, Function<String, List<String>> namespacesOfHost, IndicationSink sink) {
    this.repo = repo;
    this.namespacesOfHost = namespacesOfHost;
    this.sink = sink;
  }

  @Override
  public void changed(CimJob job, IndicationKind kind, Instant at) {
    int underscore = job.className().indexOf('_');
    String prefix = job.className().substring(0, Math.max(0, underscore));
    if (!job.className().endsWith("_MigrationJob")) {
      return;
    }
    CimInstance now = job.instance(repo, null, at);
    CimInstance before =
        kind == IndicationKind.MIGRATION_JOB_DELETED ? last.remove(job.id()) : last.put(job.id(), now);
    sink.publish(
        Indication.of(
            kind,
            prefix,
            namespacesOfHost.apply(job.host()),
            now,
            kind == IndicationKind.MIGRATION_JOB_MODIFIED ? before : null,
            job.host(),
            at));
  }
}
