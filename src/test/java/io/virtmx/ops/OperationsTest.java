/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.security.AuditCapture;
import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.DomainInfo;

/**
 * The operations service against libvirt's in-process test driver: access checks, real changes,
 * real errors.
 */
class OperationsTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "testvm-0001");
  private static final Caller VIEWER = new Caller("bob", Role.VIEWER, "testvm-0001");
  private static final Caller ALICE =
      Caller.of(new RolePrincipal("alice", Role.OPERATOR, "jolokia", false, "192.0.2.7"));
  private static final Caller BOB = new Caller("bob", Role.VIEWER, "jmx", "198.51.100.2");
  private static final String AS_ALICE = " user=alice role=operator view=jolokia client=192.0.2.7";

  private NativeConnect conn;
  /** The --disk-dir holding the pool {@code disks}, the one volume operations may use. */
  private Path diskDir;
  private final List<String> changed = new ArrayList<>();

  /**
   * A private test-driver node (test:///default is shared by the whole JVM, and other tests read
   * it).
   */
  @BeforeEach
  void open(@TempDir Path dir) throws Exception {
    conn =
        OneHost.testNode(dir);
    diskDir = OneHost.closedDir(dir, "disks");
    conn.storagePoolCreateXML(
            "<pool type='dir'><name>disks</name><target><path>" + diskDir + "/pool</path></target></pool>",
            0)
        .free();
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private Operations operations(boolean readOnly) {
    return new Operations(
        new OneHost(conn, (kind, name) -> changed.add(kind + " " + name)),
        readOnly,
        ConfinedPaths.none("--save-dir"),
        ConfinedPaths.of("--disk-dir", List.of(diskDir)),
        MigrationDestinations.of(List.of("test:///default", "192.0.2.9"), List.of()));
  }

  private DomainInfo.DomainState state() throws Exception {
    return conn.domainLookupByName("testvm-0001").getInfo().state;
  }

  @Test
  void operatorSuspendsAndResumesAndTheCollectorIsTold() throws Exception {
    DomainOperations domains = operations(false).domains();

    domains.suspend(OPERATOR, "h", "testvm-0001");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_PAUSED);
    domains.resume(OPERATOR, "h", "testvm-0001");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
    assertThat(changed).containsExactly("DOMAIN testvm-0001", "DOMAIN testvm-0001");
  }

  @Test
  void viewerIsRefusedAndNothingChanges() throws Exception {
    assertThatThrownBy(() -> operations(false).domains().suspend(VIEWER, "h", "testvm-0001"))
        .isInstanceOf(OperationException.class)
        .hasMessage("user 'bob' (viewer) may not run operation 'suspend'")
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.DENIED);
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
    assertThat(changed).isEmpty();
  }

  @Test
  void readOnlyAgentRefusesEvenOperators() throws Exception {
    assertThatThrownBy(() -> operations(true).domains().destroy(OPERATOR, "h", "testvm-0001"))
        .hasMessage("read-only agent: operation 'destroy' refused");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
  }

  @Test
  void libvirtsOwnMessageComesBack() {
    assertThatThrownBy(
            () ->
                operations(false)
                    .migrations()
                    .migrate(OPERATOR, "h", "testvm-0001", "test:///default", "", true, "none", 0))
        .isInstanceOf(OperationException.class)
        .hasMessage("argument unsupported: p2p migration is not supported by the source host")
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.FAILED);
  }

  @Test
  void aChangeTheCurrentStateDoesNotAllowIsRefusedWithThePolicysText() throws Exception {
    DomainOperations domains = operations(false).domains();

    assertThatThrownBy(() -> domains.resume(OPERATOR, "h", "testvm-0001"))
        .isInstanceOf(OperationException.class)
        .hasMessage("domain 'testvm-0001' is running: cannot resume it")
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.INVALID_STATE);
    domains.destroy(OPERATOR, "h", "testvm-0001");
    assertThatThrownBy(() -> domains.suspend(OPERATOR, "h", "testvm-0001"))
        .hasMessage("domain 'testvm-0001' is shut off: cannot suspend it");
    assertThatThrownBy(() -> domains.shutdown(OPERATOR, "h", "testvm-0001"))
        .hasMessage("domain 'testvm-0001' is shut off: cannot shut it down");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF);
  }

  @Test
  void theStateIsReadFromLibvirtAtTheTimeOfTheCall() throws Exception {
    DomainOperations domains = operations(false).domains();
    conn.domainLookupByName("testvm-0001").suspend(); // behind the operations' back

    domains.resume(OPERATOR, "h", "testvm-0001");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
  }

  @Test
  void enableStartsAShutOffDomainAndResumesAPausedOne() throws Exception {
    DomainOperations domains = operations(false).domains();
    domains.destroy(OPERATOR, "h", "testvm-0001");

    domains.enable(OPERATOR, "h", "testvm-0001");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
    assertThatThrownBy(() -> domains.enable(OPERATOR, "h", "testvm-0001"))
        .hasMessage("domain 'testvm-0001' is running: cannot start or resume it");
    domains.suspend(OPERATOR, "h", "testvm-0001");
    domains.enable(OPERATOR, "h", "testvm-0001");
    assertThat(state()).isEqualTo(DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
  }

  @Test
  void policyRefusalsAreAuditedAsRefused() {
    Operations ops = operations(false);
    try (AuditCapture audit = new AuditCapture()) {
      ops.domains().destroy(ALICE, "h", "testvm-0001");
      assertThatThrownBy(() -> ops.domains().suspend(ALICE, "h", "testvm-0001"));

      assertThat(audit.lines())
          .containsExactly(
              "op=destroy result=ok host=h object=domain/testvm-0001 args=\"\"" + AS_ALICE,
              "op=suspend result=refused"
                  + " reason=\"domain 'testvm-0001' is shut off: cannot suspend it\""
                  + " host=h object=domain/testvm-0001 args=\"\""
                  + AS_ALICE);
    }
  }

  @Test
  void unknownObjectsAndHostsAreNotFound() {
    assertThatThrownBy(() -> operations(false).domains().start(OPERATOR, "h", "nosuch"))
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.NOT_FOUND);
    assertThatThrownBy(
            () -> operations(false).domains().start(OPERATOR, "elsewhere", "testvm-0001"))
        .hasMessage("no host named 'elsewhere'");
  }

  @Test
  void badArgumentsAreRefusedBeforeLibvirt() {
    assertThatThrownBy(() -> operations(false).domains().setMemory(OPERATOR, "h", "testvm-0001", 0))
        .hasMessage("memory must be positive, got 0");
    assertThatThrownBy(
            () ->
                operations(false)
                    .pools()
                    .createVolume(OPERATOR, "h", "default", "../etc", 1, "raw"))
        .hasMessage("invalid volume name '../etc'");
  }

  @Test
  void snapshotsAndVolumesRoundTrip() {
    Operations ops = operations(false);
    ops.domains().createSnapshot(OPERATOR, "h", "testvm-0001", "before<upgrade>", "a & b");
    assertThat(ops.domains().listSnapshots(OPERATOR, "h", "testvm-0001"))
        .contains("before<upgrade>");
    ops.domains().deleteSnapshot(OPERATOR, "h", "testvm-0001", "before<upgrade>");
    assertThat(ops.domains().listSnapshots(OPERATOR, "h", "testvm-0001"))
        .doesNotContain("before<upgrade>");

    String path =
        ops.pools().createVolume(OPERATOR, "h", "disks", "ops-test.img", 1 << 20, "raw");
    assertThat(path).endsWith("ops-test.img");
    ops.pools().deleteVolume(OPERATOR, "h", "disks", "ops-test.img");
  }

  @Test
  void everyAttemptIsAuditedWithItsObjectArgumentsAndResult() {
    Operations ops = operations(false);
    try (AuditCapture audit = new AuditCapture()) {
      ops.domains().setVcpus(ALICE, "h", "testvm-0001", 1);
      assertThatThrownBy(() -> ops.domains().resume(ALICE, "h", "testvm-0001"));
      assertThatThrownBy(() -> ops.domains().setMemory(ALICE, "h", "testvm-0001", -5));
      assertThatThrownBy(() -> ops.domains().setMemory(BOB, "h", "testvm-0001", 1024));
      ops.networks().setAutostart(ALICE, "h", "default", true);
      ops.refresh(ALICE, "h");

      assertThat(audit.lines())
          .containsExactly(
              "op=setVcpus result=ok host=h object=domain/testvm-0001 args=\"vcpus=1\"" + AS_ALICE,
              "op=resume result=refused"
                  + " reason=\"domain 'testvm-0001' is running: cannot resume it\""
                  + " host=h object=domain/testvm-0001 args=\"\""
                  + AS_ALICE,
              "op=setMemory result=refused reason=\"memory must be positive, got -5\""
                  + " host=h object=domain/testvm-0001 args=\"memory-kib=-5\""
                  + AS_ALICE,
              "op=setMemory result=refused"
                  + " reason=\"user 'bob' (viewer) may not run operation 'setMemory'\""
                  + " host=h object=domain/testvm-0001 args=\"memory-kib=1024\""
                  + " user=bob role=viewer view=jmx client=198.51.100.2",
              "op=setAutostart result=ok host=h object=network/default args=\"autostart=true\""
                  + AS_ALICE,
              "op=refresh result=ok host=h object=host/h args=\"\"" + AS_ALICE);
    }
  }

  @Test
  void refusalsOfAReadOnlyAgentAndOfPreChecksAreAudited() {
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(() -> operations(true).pools().deleteVolume(ALICE, "h", "default", "v"));
      assertThatThrownBy(() -> operations(false).checkAllowed(BOB, "RequestStateChange"));
      operations(false).checkAllowed(ALICE, "RequestStateChange");

      assertThat(audit.lines())
          .containsExactly(
              "op=delete result=refused reason=\"read-only agent: operation 'delete' refused\""
                  + " host=h object=volume/default/v args=\"\""
                  + AS_ALICE,
              "op=RequestStateChange result=refused"
                  + " reason=\"user 'bob' (viewer) may not run operation 'RequestStateChange'\""
                  + " host=\"\" object=\"\" args=\"\" user=bob role=viewer view=jmx"
                  + " client=198.51.100.2");
    }
  }

  @Test
  void snapshotVolumeAndMigrationArgumentsAreNamedAndNoPasswordIsLogged() {
    Operations ops = operations(false);
    try (AuditCapture audit = new AuditCapture()) {
      ops.domains().createSnapshot(ALICE, "h", "testvm-0001", "before upgrade", "secret notes");
      ops.pools().createVolume(ALICE, "h", "disks", "audit.img", 1 << 20, "raw");
      assertThatThrownBy(
          () -> ops.pools().resizeVolume(ALICE, "h", "disks", "audit.img", 2 << 20));
      ops.pools().deleteVolume(ALICE, "h", "disks", "audit.img");
      assertThatThrownBy(
          () ->
              ops.migrations()
                  .migrate(
                      ALICE,
                      "h",
                      "testvm-0001",
                      "qemu+tcp://root:hunter2@192.0.2.9/system",
                      "",
                      true,
                      "all",
                      0));

      assertThat(audit.lines().get(0))
          .isEqualTo(
              "op=createSnapshot result=ok host=h object=domain/testvm-0001"
                  + " args=\"snapshot=\\\"before upgrade\\\"\""
                  + AS_ALICE);
      assertThat(audit.lines().get(1))
          .isEqualTo(
              "op=createVolume result=ok host=h object=pool/disks"
                  + " args=\"volume=audit.img capacity-bytes=1048576 format=raw\""
                  + AS_ALICE);
      assertThat(audit.lines().get(2))
          .isEqualTo(
              "op=resize result=failed reason=\"this function is not supported by the"
                  + " connection driver: virStorageVolResize\" host=h object=volume/disks/audit.img"
                  + " args=\"capacity-bytes=2097152\""
                  + AS_ALICE);
      assertThat(audit.lines().get(3)).startsWith("op=delete result=ok host=h object=volume/");
      assertThat(audit.lines().get(4))
          .startsWith("op=migrate result=failed reason=")
          .contains(
              "destination=\\\"qemu+tcp://root:***@192.0.2.9/system\\\" address=192.0.2.9"
                  + " live=true storage=all bandwidth-mibps=0")
          .doesNotContain("hunter2")
          .doesNotContain("secret notes");
    }
  }
}
