/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.ops.OperationException;
import io.virtmx.testbed.Await;
import io.virtmx.view.cim.schema.ClassRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Embedded settings, migration settings and URIs, volume sizes and the job registry. */
class JobServicesTest {
  private static final ClassRepository REPO = ClassRepository.fromClasspath();
  private static final HostSnapshot HOST =
      CimFixtures.host("QEMU", List.of(CimFixtures.domain("web", DomainState.RUNNING, 2).build()));

  @Test
  void embeddedInstancesAreReadFromCimXmlAndFromMof() {
    EmbeddedSettings xml =
        EmbeddedSettings.of(
            "<INSTANCE CLASSNAME=\"KVM_VirtualSystemMigrationSettingData\">"
                + "<PROPERTY NAME=\"MigrationType\" TYPE=\"uint16\"><VALUE>3</VALUE></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"CheckParameters\" TYPE=\"string\"><VALUE.ARRAY>"
                + "<VALUE>a</VALUE><VALUE>b</VALUE></VALUE.ARRAY></PROPERTY.ARRAY></INSTANCE>");
    assertThat(xml.className()).isEqualTo("KVM_VirtualSystemMigrationSettingData");
    assertThat(xml.number("migrationtype", 2)).isEqualTo(3);
    assertThat(xml.values().get("checkparameters")).isEqualTo(List.of("a", "b"));
    assertThat(xml.isA("VirtualSystemMigrationSettingData")).isTrue();

    EmbeddedSettings mof =
        EmbeddedSettings.of(
            "instance of KVM_DiskPoolResourceAllocationSettingData {\n"
                + "  Type = 1;\n  Path = \"/var/lib/a \\\"b\\\"\";\n  DevicePaths = {\"x\", \"y\"};\n};");
    assertThat(mof.number("Type", 0)).isEqualTo(1);
    assertThat(mof.text("Path")).isEqualTo("/var/lib/a \"b\"");
    assertThat(mof.values().get("devicepaths")).isEqualTo(List.of("x", "y"));
  }

  @Test
  void aMalformedEmbeddedInstanceIsLibvirtCimsError() {
    for (String bad : List.of("<INSTANCE", "<VALUE/>", "instance of X { A = 1 }", "junk")) {
      assertThatThrownBy(() -> EmbeddedSettings.of(bad))
          .isInstanceOfSatisfying(
              CimException.class,
              e -> {
                assertThat(e.code()).isEqualTo(CimException.FAILED);
                assertThat(e.getMessage()).isEqualTo("Unable to parse embedded object");
              });
    }
  }

  @Test
  void migrationUrisAreLibvirtCims() {
    MigrationSettings defaults = MigrationSettings.of(null);
    assertThat(defaults.type()).isEqualTo(MigrationSettings.LIVE);
    assertThat(defaults.uri("KVM", "hv2.example.org")).isEqualTo("qemu+ssh://hv2.example.org/system");
    String tls = "instance of KVM_VirtualSystemMigrationSettingData { TransportType = 3; };";
    // libvirt-cim adds ?no_verify=1; the certificate is checked here (and --migrate-allow stays exact)
    assertThat(MigrationSettings.of(tls).uri("KVM", "198.18.0.2"))
        .isEqualTo("qemu+tls://198.18.0.2/system");
    String strict = "instance of KVM_VirtualSystemMigrationSettingData { TransportType = 4; };";
    assertThat(MigrationSettings.of(strict).uri("KVM", "198.18.0.2"))
        .isEqualTo("qemu+tls://198.18.0.2/system");
    String tcp = "instance of KVM_VirtualSystemMigrationSettingData { TransportType = 5; StorageCopy = 1; };";
    MigrationSettings t = MigrationSettings.of(tcp);
    assertThat(t.uri("KVM", "fd00::2")).isEqualTo("qemu+tcp://[fd00::2]/system");
    assertThat(t.storage()).isEqualTo("all");
    assertThatThrownBy(() -> t.uri("KVM", "a/b?c"))
        .hasMessageContaining("DestinationHost must be a host name or an IP address");
    assertThatThrownBy(() -> t.uri("Libvirt", "h")).hasMessage("Failed to construct a valid libvirt URI");
    assertThatThrownBy(
            () -> MigrationSettings.of("instance of X { MigrationType = 9; };"))
        .hasMessage("Unsupported migration type 9");
  }

  @Test
  void volumeCapacityIsReadInItsUnits() {
    assertThat(PoolConfigurationService.bytes(16, "M")).isEqualTo(16L << 20);
    assertThat(PoolConfigurationService.bytes(2, "GiB")).isEqualTo(2L << 30);
    assertThat(PoolConfigurationService.bytes(512, null)).isEqualTo(512);
    assertThatThrownBy(() -> PoolConfigurationService.bytes(0, "M"))
        .hasMessage("StorageVolumeRASD Capacity field not valid");
    assertThatThrownBy(() -> PoolConfigurationService.bytes(1, "furlongs"))
        .hasMessageContaining("AllocationUnits");
  }

  @Test
  void aJobRunsCompletesOrFailsAndIsServedAsItsClass() throws Exception {
    try (Jobs jobs = new Jobs()) {
      CountDownLatch release = new CountDownLatch(1);
      CimJob ok =
          jobs.start("KVM_MigrationJob", "Migration", "hv1", "web", "d", true, j -> await(release));
      CimJob bad =
          jobs.start(
              "CIM_ConcreteJob",
              "Snapshot",
              "hv1",
              "web",
              "d",
              false,
              j -> {
                throw new OperationException(OperationException.Reason.INVALID_STATE, "nope");
              });
      Await.until(
          "the failing job completes",
          () -> bad.instance(REPO, HOST, java.time.Instant.now()),
          i -> Long.valueOf(7).equals(i.get("JobState")),
          Duration.ofSeconds(10));
      CimInstance failed = bad.instance(REPO, HOST, java.time.Instant.now());
      assertThat(failed.get("ErrorCode")).isEqualTo((long) CimException.FAILED);
      assertThat(failed.get("Status")).isEqualTo("nope");
      assertThat(failed.get("OperationalStatus")).isEqualTo(List.of(6L, 17L));
      // the migration job is Starting (3) until its worker thread picks it up, then Running (4) while it waits
      Await.until(
          "the migration job runs",
          () -> ok.instance(REPO, HOST, java.time.Instant.now()),
          i -> Long.valueOf(4).equals(i.get("JobState")),
          Duration.ofSeconds(10));
      release.countDown();
      Await.until(
          "the migration job completes",
          () -> ok.instance(REPO, HOST, java.time.Instant.now()),
          i -> Long.valueOf(7).equals(i.get("JobState")),
          Duration.ofSeconds(10));
      CimInstance done = ok.instance(REPO, HOST, java.time.Instant.now());
      assertThat(done.get("PercentComplete")).isEqualTo(100L);
      assertThat(done.get("ErrorCode")).isEqualTo(0L);
      assertThat(jobs.instances(REPO, HOST, "KVM_MigrationJob")).hasSize(1);
      assertThat(jobs.instances(REPO, HOST, "CIM_ConcreteJob")).hasSize(1);
    }
  }

  @Test
  void aJobFailingUnexpectedlyTellsNoExceptionClassOrMessage() {
    try (Jobs jobs = new Jobs()) {
      CimJob job =
          jobs.start(
              "CIM_ConcreteJob",
              "Snapshot",
              "hv1",
              "web",
              "d",
              false,
              j -> {
                throw new IllegalStateException("secret /var/lib/virtmx/internal");
              });
      Await.until(
          "the job completes", job::state, s -> s == CimJob.COMPLETED, Duration.ofSeconds(10));
      CimInstance served = jobs.instances(REPO, HOST, "CIM_ConcreteJob").get(0);
      assertThat(served.get("ErrorCode")).isEqualTo((long) CimException.FAILED);
      assertThat(String.valueOf(served.get("ErrorDescription")) + served.get("Status"))
          .doesNotContain("IllegalStateException")
          .doesNotContain("secret")
          .contains("internal error");
    }
  }

  @Test
  void aCompletedJobIsKeptAnHourThenDropped() {
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-01T08:00:00Z"));
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now.get();
          }
        };
    try (Jobs jobs = new Jobs(clock)) {
      CimJob job = jobs.start("CIM_ConcreteJob", "Snapshot", "hv1", "web", "d", false, j -> {});
      Await.until(
          "the job completes",
          () -> job.state(),
          state -> state == CimJob.COMPLETED,
          Duration.ofSeconds(10));
      now.set(now.get().plus(Jobs.KEPT).minusSeconds(1));
      assertThat(jobs.instances(REPO, HOST, "CIM_ConcreteJob")).hasSize(1);
      assertThat(jobs.instances(REPO, HOST, "CIM_ConcreteJob").get(0).get("ElapsedTime"))
          .isEqualTo("00000000000000.000000:000");
      now.set(now.get().plusSeconds(2));
      assertThat(jobs.instances(REPO, HOST, "CIM_ConcreteJob")).isEmpty();
    }
  }

  @Test
  void aMigrationJobSendsLibvirtCimsJobIndicationsAndASnapshotJobNone() {
    List<Indication> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Jobs jobs = new Jobs()) {
      jobs.watch(new JobIndications(REPO, host -> List.of("root/virt/" + host), sent::add));
      CimJob snapshot = jobs.start("CIM_ConcreteJob", "Snapshot", "hv1", "web", "d", false, j -> {});
      CimJob migration =
          jobs.start("KVM_MigrationJob", "Migration", "hv1", "web", "d", true, j -> {});
      Await.until(
          "both jobs complete",
          () -> snapshot.state() + migration.state(),
          sum -> sum == 2 * CimJob.COMPLETED,
          Duration.ofSeconds(10));
      Await.until("three indications", sent::size, n -> n == 3, Duration.ofSeconds(10));
    }
    assertThat(sent)
        .extracting(i -> i.instance().className())
        .containsExactly(
            "KVM_ComputerSystemMigrationJobCreatedIndication",
            "KVM_ComputerSystemMigrationJobModifiedIndication",
            "KVM_ComputerSystemMigrationJobModifiedIndication");
    CimInstance completed = (CimInstance) sent.get(2).instance().get("SourceInstance");
    CimInstance running = (CimInstance) sent.get(2).instance().get("PreviousInstance");
    assertThat(completed.get("JobState")).isEqualTo(7L);
    assertThat(completed.get("PercentComplete")).isEqualTo(100L);
    assertThat(running.get("JobState")).isEqualTo(4L);
    assertThat(sent.get(0).namespaces()).containsExactly("root/virt/hv1");
    assertThat(REPO.isA(sent.get(1).instance().className(), "CIM_InstModification")).isTrue();
  }

  @Test
  void aJobRefusedBecauseTheQueueIsFullIsToldToNoWatcher() {
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    try (Jobs jobs = new Jobs()) {
      jobs.watch((job, kind, at) -> told.add(kind + " " + job.id()));
      List<CimJob> accepted = new java.util.ArrayList<>();
      for (int i = 0; i < Jobs.WORKERS + Jobs.QUEUED; i++) {
        accepted.add(
            jobs.start("KVM_MigrationJob", "Migration", "hv1", "web", "d", true, j -> await(release)));
      }
      assertThatThrownBy(
              () ->
                  jobs.start("KVM_MigrationJob", "Migration", "hv1", "web", "d", true, j -> {}))
          .isInstanceOf(CimException.class)
          .hasMessageStartingWith("too many jobs");
      assertThat(told.stream().filter(t -> t.startsWith("MIGRATION_JOB_CREATED ")))
          .hasSize(Jobs.WORKERS + Jobs.QUEUED)
          .allSatisfy(t -> assertThat(accepted).anyMatch(j -> t.endsWith(j.id())));
      assertThat(jobs.instances(REPO, HOST, "KVM_MigrationJob"))
          .hasSize(Jobs.WORKERS + Jobs.QUEUED);
      release.countDown();
      Await.until(
          "every accepted job completes",
          () -> accepted.stream().filter(j -> j.state() == CimJob.COMPLETED).count(),
          n -> n == Jobs.WORKERS + Jobs.QUEUED,
          Duration.ofSeconds(10));
    }
    for (String created : told.stream().filter(t -> t.startsWith("MIGRATION_JOB_CREATED ")).toList()) {
      String id = created.substring(created.indexOf(' ') + 1);
      assertThat(told.indexOf(created))
          .as("JobCreated is told before the job's first change")
          .isLessThan(told.indexOf("MIGRATION_JOB_MODIFIED " + id));
    }
  }

  @Test
  void intervalsAreCimIntervals() {
    assertThat(CimJob.interval(Duration.ofSeconds(90061).plusMillis(5)))
        .isEqualTo("00000001010101.005000:000");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
