/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.ObjectEvent;
import io.virtmx.ops.Caller;
import io.virtmx.ops.Operations;
import io.virtmx.view.cim.schema.CimType;

/**
 * VirtualSystemMigrationService: MigrateVirtualSystemToHost/ToSystem start a {@code KVM_MigrationJob}
 * and return 4096 with it, as libvirt-cim does; the job is the shared migration operation
 * (peer-to-peer to libvirt-cim's URI of the destination, see {@link MigrationSettings}), its
 * PercentComplete follows the libvirt job while it runs, and it ends in JobState 7 with ErrorCode 0,
 * or with the CIM error code and libvirt's message. CheckVirtualSystemIsMigratableToHost/ToSystem
 * answer IsMigratable from the domain's state and the settings, without contacting the
 * destination.
 */
final class MigrationService {
  static final String SUFFIX = "VirtualSystemMigrationService";

  private final Operations ops;
  private final Jobs jobs;

  private MigrationService(Operations ops, Jobs jobs) {
    this.ops = ops;
    this.jobs = jobs;
  }

  /** Registers the four methods. */
  static void register(Methods methods, Operations ops, Jobs jobs) {
    MigrationService s = new MigrationService(ops, jobs);
    methods.register(SUFFIX, "CheckVirtualSystemIsMigratableToHost", (c, who) -> s.check(c, host(c)));
    methods.register(SUFFIX, "CheckVirtualSystemIsMigratableToSystem", (c, who) -> s.check(c, system(c)));
    methods.register(SUFFIX, "MigrateVirtualSystemToHost", (c, who) -> s.migrate(c, who, host(c)));
    methods.register(SUFFIX, "MigrateVirtualSystemToSystem", (c, who) -> s.migrate(c, who, system(c)));
  }

  private static String host(RequestContext c) {
    return c.request().string("DestinationHost", null);
  }

  private static String system(RequestContext c) {
    CimObjectPath p = ServiceCalls.ref(c, "DestinationSystem", "Missing DestinationSystem");
    Object name = p.key("Name");
    if (!(name instanceof String s) || s.isBlank()) {
      throw new CimException(CimException.FAILED, "Missing key (Name) in DestinationSystem");
    }
    return s;
  }

  private void check(RequestContext c, String destination) {
    String domain = ServiceCalls.domain(c, "ComputerSystem");
    MigrationSettings settings = MigrationSettings.of(c.request().param("MigrationSettingData"));
    settings.uri(c.model().prefix(), destination);
    boolean migratable =
        c.model().host().domain(domain).map(d -> movable(d, settings.type()) == null).orElse(false);
    c.out().methodReturn(CimType.UINT32, 0L);
    c.out().paramValue("IsMigratable", CimType.BOOLEAN, migratable);
  }

  /** Why the domain cannot move that way now, or null when it can. */
  private static String movable(DomainSnapshot d, int type) {
    DomainState s = d.status().state();
    return switch (type) {
      case MigrationSettings.OFFLINE ->
          s == DomainState.SHUTOFF && d.persistent()
              ? null
              : "Domain must be shut off for offline migration";
      case MigrationSettings.RESTART -> "restart migration is not supported";
      default ->
          s == DomainState.RUNNING || s == DomainState.PAUSED
              ? null
              : "Domain must be running for live or resume migration";
    };
  }

  private void migrate(RequestContext c, Caller caller, String destination) {
    String domain = ServiceCalls.domain(c, "ComputerSystem");
    MigrationSettings settings = MigrationSettings.of(c.request().param("MigrationSettingData"));
    String uri = settings.uri(c.model().prefix(), destination);
    if (settings.type() == MigrationSettings.RESTART) {
      throw new CimException(
          CimException.NOT_SUPPORTED,
          "MigrationType 4 (restart) is not supported: shut the domain down, migrate it offline"
              + " (MigrationType 1) and start it on the destination");
    }
    boolean offline = settings.type() == MigrationSettings.OFFLINE;
    ServiceCalls.allowed(
        ops, caller, c, ObjectEvent.Kind.DOMAIN, domain, offline ? "migrateOffline" : "migrate");
    String host = c.model().host().host();
    CimJob job =
        jobs.start(
            c.model().prefix() + "_MigrationJob",
            "Migration",
            host,
            domain,
            "Migration of " + domain + " to " + destination,
            !offline,
            j -> {
              if (offline) {
                ops.migrations().migrateOffline(caller, host, domain, uri);
              } else {
                ops.migrations()
                    .migrate(
                        caller,
                        host,
                        domain,
                        uri,
                        "",
                        settings.type() == MigrationSettings.LIVE,
                        settings.storage(),
                        settings.bandwidthMiBps());
              }
            });
    ServiceCalls.answer(c, 4096, new ServiceCalls.Out("Job", ServiceCalls.jobPath(c, job)));
  }
}
