package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.ObjectEvent;
import io.virtmx.security.Role;
import io.virtmx.testbed.TestNodeGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private NativeConnect conn;
  private final List<String> changed = new ArrayList<>();

  /**
   * A private test-driver node (test:///default is shared by the whole JVM, and other tests read
   * it).
   */
  @BeforeEach
  void open(@TempDir Path dir) throws Exception {
    conn =
        new NativeConnect(
            TestNodeGenerator.uri(TestNodeGenerator.write(dir.resolve("node.xml"), 1)), false);
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private Operations operations(boolean readOnly) {
    return new Operations(
        new HostConnections() {
          @Override
          public Optional<NativeConnect> connection(String host) {
            return Optional.of(conn);
          }

          @Override
          public boolean knows(String host) {
            return host.equals("h");
          }

          @Override
          public void refreshSoon(String host) {}

          @Override
          public void changed(String host, ObjectEvent.Kind kind, String name) {
            changed.add(kind + " " + name);
          }
        },
        readOnly);
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
    assertThatThrownBy(() -> operations(false).domains().resume(OPERATOR, "h", "testvm-0001"))
        .isInstanceOf(OperationException.class)
        .hasMessage("internal error: domain 'testvm-0001' not paused")
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.FAILED);
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
        ops.pools().createVolume(OPERATOR, "h", "default", "ops-test.img", 1 << 20, "raw");
    assertThat(path).endsWith("ops-test.img");
    ops.pools().deleteVolume(OPERATOR, "h", "default", "ops-test.img");
  }
}
