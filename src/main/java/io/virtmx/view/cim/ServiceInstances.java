/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances of the snapshot and migration services, their capabilities, the default
 * migration settings and the running and recent jobs, as libvirt-cim names them ({@code
 * SnapshotService}/{@code SnapshotCapabilities}, {@code MigrationService}/{@code
 * MigrationCapabilities}/{@code MigrationSettingData}); read on every request, so a job's state is
 * current whatever the snapshot.
 */
final class ServiceInstances implements HostModel.LiveInstances {
  static final String SNAPSHOT_SERVICE = "SnapshotService";
  static final String MIGRATION_SERVICE = "MigrationService";

  private final ClassRepository repo;
  private final Jobs jobs;
  private final Map<String, List<CimInstance>> fixed = new ConcurrentHashMap<>();

  /** With {@code jobs} null, the services without any job. */
  ServiceInstances(ClassRepository repo, Jobs jobs) {
    this.repo = repo;
    this.jobs = jobs;
  }

  @Override
  public List<CimInstance> instances(HostModel model, String className) {
    if (className.equalsIgnoreCase("CIM_ConcreteJob")) {
      return jobs == null ? List.of() : jobs.instances(repo, model.host(), "CIM_ConcreteJob");
    }
    String p = model.prefix() + "_";
    if (!className.regionMatches(true, 0, p, 0, p.length())) {
      return null;
    }
    String suffix = className.substring(p.length()).toLowerCase(Locale.ROOT);
    if (suffix.equals("migrationjob")) {
      return jobs == null ? List.of() : jobs.instances(repo, model.host(), p + "MigrationJob");
    }
    List<CimInstance> known = fixed.get(suffix);
    if (known == null) {
      known = fixed(p, suffix, HostInstances.fqdn(model.host()));
      if (known != null) {
        fixed.put(suffix, known);
      }
    }
    return known;
  }

  /** The service, capabilities and settings instances: the same objects for a model's life. */
  private List<CimInstance> fixed(String p, String suffix, String fqdn) {
    return switch (suffix) {
      case "virtualsystemsnapshotservice" ->
          List.of(service(p, "VirtualSystemSnapshotService", SNAPSHOT_SERVICE, fqdn));
      case "virtualsystemmigrationservice" ->
          List.of(service(p, "VirtualSystemMigrationService", MIGRATION_SERVICE, fqdn));
      case "virtualsystemsnapshotservicecapabilities" -> List.of(snapshotCapabilities(p));
      case "virtualsystemmigrationcapabilities" -> List.of(migrationCapabilities(p));
      case "virtualsystemmigrationsettingdata" -> List.of(migrationSettings(p));
      default -> null;
    };
  }

  private CimInstance service(String p, String suffix, String name, String fqdn) {
    return HostInstances.service(repo, p, fqdn, suffix, name).build();
  }

  private CimInstance snapshotCapabilities(String p) {
    return InstanceBuilder.of(repo, p + "VirtualSystemSnapshotServiceCapabilities")
        .set("InstanceID", "SnapshotCapabilities")
        .set("ElementName", "SnapshotCapabilities")
        .set("AynchronousMethodsSupported", List.of(2L, 4L))
        .set("SynchronousMethodsSupported", List.of(3L))
        .set(
            "SnapshotTypesSupported",
            List.of(
                (long) SnapshotService.SAVE_AND_RESTORE,
                (long) SnapshotService.SAVE_AND_LEAVE_OFF,
                (long) SnapshotService.LIBVIRT_SNAPSHOT))
        .build();
  }

  private CimInstance migrationCapabilities(String p) {
    return InstanceBuilder.of(repo, p + "VirtualSystemMigrationCapabilities")
        .set("InstanceID", "MigrationCapabilities")
        .set("ElementName", "MigrationCapabilities")
        .set("AsynchronousMethodsSupported", List.of(2L, 3L))
        .set("SynchronousMethodsSupported", List.of(4L, 5L))
        .set("DestinationHostFormatsSupported", List.of(2L, 3L, 4L))
        .build();
  }

  private CimInstance migrationSettings(String p) {
    return InstanceBuilder.of(repo, p + "VirtualSystemMigrationSettingData")
        .set("InstanceID", "MigrationSettingData")
        .set("ElementName", "MigrationSettingData")
        .set("MigrationType", (long) MigrationSettings.LIVE)
        .set("Priority", 0L)
        .set("TransportType", (long) MigrationSettings.SSH)
        .build();
  }

}
