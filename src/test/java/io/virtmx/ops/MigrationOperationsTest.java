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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration service against a private test-driver node (whose driver has no peer-to-peer
 * migration nor job abort): bad arguments and viewers refused before libvirt is called, libvirt's
 * refusal reported to listeners as a failed migration, abortJob answered with libvirt's text.
 */
class MigrationOperationsTest {
  private static final Caller OPERATOR = new Caller("alice", Role.OPERATOR, "test");
  private static final Caller VIEWER = new Caller("bob", Role.VIEWER, "test");

  private NativeConnect conn;
  private final List<MigrationEvent> events = new ArrayList<>();
  private MigrationOperations migrations;

  @BeforeEach
  void open(@TempDir Path dir) throws Exception {
    conn =
        OneHost.testNode(dir);
    migrations =
        new Operations(
                OneHost.of(conn),
                false,
                ConfinedPaths.none("--save-dir"),
                ConfinedPaths.none("--disk-dir"),
                MigrationDestinations.of(
                    List.of("qemu+tls://hv2/system", "198.18.0.99"), List.of("qemu:///system")))
            .migrations();
    migrations.listen(events::add);
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private void migrate(Caller c, String uri, String address, String storage, long bandwidth) {
    migrations.migrate(c, "h", "testvm-0001", uri, address, true, storage, bandwidth);
  }

  @Test
  void badArgumentsAreRefusedBeforeLibvirtAndNoMigrationStarts() {
    assertThatThrownBy(() -> migrate(OPERATOR, "qemu+tls://hv2/system", "", "some", 0))
        .hasMessage("storage must be none, all or incremental, got 'some'");
    assertThatThrownBy(() -> migrate(OPERATOR, "qemu+tls://hv2/system", "a b;c", "all", 0))
        .hasMessage("data address must be a host name or IP address, got 'a b;c'");
    assertThatThrownBy(() -> migrate(OPERATOR, "qemu+tls://hv2/system", "", "all", -1))
        .hasMessage("bandwidth must not be negative");
    assertThatThrownBy(() -> migrate(OPERATOR, " ", "", "all", 0))
        .hasMessage("destination URI is empty");
    assertThatThrownBy(() -> migrate(VIEWER, "qemu+tls://hv2/system", "", "all", 0))
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.DENIED);
    assertThat(events).isEmpty();
  }

  @Test
  void libvirtsRefusalIsAFailedMigrationWithItsMessageAndNoPassword() {
    assertThatThrownBy(
            () -> migrate(OPERATOR, "qemu+tcp://root:hunter2@198.18.0.99/system", "", "all", 5))
        .isInstanceOf(OperationException.class)
        .hasMessage("argument unsupported: p2p migration is not supported by the source host");

    assertThat(events)
        .extracting(MigrationEvent::phase)
        .containsExactly(MigrationEvent.Phase.STARTED, MigrationEvent.Phase.FAILED);
    assertThat(events.get(1).destination()).isEqualTo("qemu+tcp://root:***@198.18.0.99/system");
    assertThat(events.get(1).message())
        .isEqualTo("argument unsupported: p2p migration is not supported by the source host");
  }

  @Test
  void aDestinationOutsideTheAllowListIsRefusedBeforeLibvirtAndAudited() {
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(() -> migrate(OPERATOR, "qemu+tcp://203.0.113.7/system", "", "all", 0))
          .isInstanceOfSatisfying(
              OperationException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_ARGUMENT))
          .hasMessage(
              "destination 'qemu+tcp://203.0.113.7/system' is not allowed by --migrate-allow");
      assertThat(audit.lines())
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .startsWith("op=migrate result=refused reason=")
                      .contains("203.0.113.7"));
    }
    assertThatThrownBy(() -> migrate(OPERATOR, "qemu+tls://hv2/system", "203.0.113.7", "all", 0))
        .hasMessage(
            "migration data address '203.0.113.7' is not allowed by --migrate-allow (use the"
                + " destination's host or an allowed host)");
    assertThatThrownBy(() -> migrate(OPERATOR, "qemu+tls://hv2.example/system", "", "all", 0))
        .hasMessageContaining("is not allowed");
    assertThatThrownBy(
            () -> migrate(OPERATOR, "qemu+tls://hv2/system?pkipath=/etc", "", "all", 0))
        .hasMessageContaining("is not allowed");
    assertThatThrownBy(
            () -> migrate(OPERATOR, "qemu+ext://198.18.0.99/system?command=/bin/sh", "", "all", 0))
        .hasMessageContaining("is not allowed");
    assertThat(events).isEmpty();
  }

  @Test
  void withoutAllowEntriesOnlyTheWatchedUrisAreAllowed() {
    MigrationDestinations watched =
        MigrationDestinations.of(
            List.of(), List.of("qemu:///system", "qemu+tls://198.18.0.2/system?pkipath=/p"));
    assertThat(watched.refusal("qemu+tls://198.18.0.2/system?pkipath=/p", "")).isNull();
    assertThat(watched.refusal("qemu+tls://198.18.0.2/system?pkipath=/p", "198.18.0.2")).isNull();
    assertThat(watched.refusal("qemu+tls://198.18.0.2/system", ""))
        .isEqualTo(
            "destination 'qemu+tls://198.18.0.2/system' is not allowed by --connect (the watched"
                + " hosts)");
    assertThat(watched.refusal("qemu+tcp://198.18.0.3/system", "")).contains("not allowed");
    MigrationDestinations prefix =
        MigrationDestinations.of(List.of("qemu+ssh://root@198.18.0.2/", "hv3"), List.of());
    assertThat(prefix.refusal("qemu+ssh://root@198.18.0.2/system", "198.18.0.2")).isNull();
    assertThat(prefix.refusal("qemu+tcp://HV3/system", "hv3")).isNull();
    assertThat(prefix.refusal("qemu+tcp://hv3/system", "198.18.0.2")).isNull();
    assertThat(prefix.refusal("qemu+tcp://hv3/system?socket=/x", "")).contains("not allowed");
    assertThatThrownBy(() -> MigrationDestinations.of(List.of("a b"), List.of()))
        .hasMessage("--migrate-allow 'a b': give a libvirt URI prefix or a host name or address");
  }

  @Test
  void theDataAddressDefaultsToTheHostOfTheDestinationUri() {
    assertThat(MigrationOperations.hostOf("qemu+ssh://root@198.18.0.2/system")).isEqualTo("198.18.0.2");
    assertThat(MigrationOperations.hostOf("qemu+tls://HV2/system?pkipath=/x")).isEqualTo("hv2");
    assertThat(MigrationOperations.hostOf("qemu+unix:///system?socket=/run/s")).isEmpty();
    assertThat(MigrationOperations.StorageCopy.named(" Incremental "))
        .isEqualTo(MigrationOperations.StorageCopy.INCREMENTAL);
  }

  @Test
  void abortJobReachesLibvirtAndReportsItsAnswer() {
    assertThatThrownBy(() -> migrations.abortJob(OPERATOR, "h", "testvm-0001"))
        .isInstanceOf(OperationException.class)
        .hasMessage("this function is not supported by the connection driver: virDomainAbortJob");
    assertThatThrownBy(() -> migrations.abortJob(VIEWER, "h", "testvm-0001"))
        .hasMessage("user 'bob' (viewer) may not run operation 'abortJob'");
  }
}
