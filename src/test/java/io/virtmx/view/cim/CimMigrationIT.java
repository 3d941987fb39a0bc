/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimJobCalls.embedded;
import static io.virtmx.view.cim.CimJobCalls.instance;
import static io.virtmx.view.cim.CimJobCalls.number;
import static io.virtmx.view.cim.CimJobCalls.ref;
import static io.virtmx.view.cim.CimJobCalls.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.Await;
import io.virtmx.testbed.GuestHome;
import io.virtmx.testbed.TestBedEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;

/**
 * VirtualSystemMigrationService between the test bed's hosts: the real guest {@code vmx-guest1}
 * moves to hv2 over TCP (libvirt-cim's TransportType 5) and its KVM_MigrationJob ends in JobState 7
 * with PercentComplete 100; toward an address nothing answers the job ends with ErrorCode 1 and
 * libvirt's reason while the guest stays home. The SBLIM listener, subscribed to the completed
 * jobs' {@code KVM_ComputerSystemMigrationJobModifiedIndication}, receives the completed job. Run under {@code flock -o
 * /tmp/virtmx-testbed.lock}; the guest is brought back after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CimMigrationIT {
  private static final Duration MIGRATION = Duration.ofMinutes(5);
  private static final String NOBODY = "198.18.0.99";

  private TestBedEnv bed;
  private Path dir;
  private CimClients agent;
  private WBEMClient alice;
  private CimJobCalls calls;
  private WBEMListener listener;
  private int listenerPort;
  private final List<CIMInstance> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    bed = TestBedEnv.get();
    dir = Files.createTempDirectory("vmx-cimjobs-migration-");
    agent =
        CimClients.start(
            dir,
            "--connect",
            bed.hostUri(),
            "--migrate-allow",
            bed.value("HV2_IP"),
            "--migrate-allow",
            NOBODY);
    alice = agent.client(CimClients.ALICE);
    calls = new CimJobCalls(agent, alice);
    Await.until(
        "the CIM view serves " + bed.guest1(),
        () -> agent.wbemcli(CimClients.BOB, "ein", "root/virt:KVM_ComputerSystem").stdout(),
        out -> out.contains(bed.guest1()),
        Duration.ofSeconds(60));
    listener = WBEMListenerFactory.getListener("CIM-XML");
    listenerPort = listener.addListener((url, ind) -> received.add(ind), 0, "http");
    subscribe(
        "SELECT * FROM KVM_ComputerSystemMigrationJobModifiedIndication"
            + " WHERE SourceInstance.JobState = 7");
  }

  private void subscribe(String query) throws WBEMException {
    CIMObjectPath f =
        alice.createInstance(
            new CIMInstance(
                agent.path("root/interop", "CIM_IndicationFilter"),
                new CIMProperty<?>[] {
                  new CIMProperty<>("Name", CIMDataType.STRING_T, "vmx-cimjobs-jobs"),
                  new CIMProperty<>("Query", CIMDataType.STRING_T, query),
                  new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "WQL"),
                  new CIMProperty<>("SourceNamespace", CIMDataType.STRING_T, "root/virt")
                }));
    CIMObjectPath d =
        alice.createInstance(
            new CIMInstance(
                agent.path("root/interop", "CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {
                  new CIMProperty<>("Name", CIMDataType.STRING_T, "vmx-cimjobs-listener"),
                  new CIMProperty<>(
                      "Destination", CIMDataType.STRING_T, "http://127.0.0.1:" + listenerPort)
                }));
    alice.createInstance(
        new CIMInstance(
            agent.path("root/interop", "CIM_IndicationSubscription"),
            new CIMProperty<?>[] {
              new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), f),
              new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestinationCIMXML"), d)
            }));
  }

  @AfterAll
  void stop() {
    if (listener != null) {
      listener.removeListener(listenerPort);
    }
    if (alice != null) {
      alice.close();
    }
    if (agent != null) {
      agent.close();
    }
    CimClients.deleteTree(dir);
  }

  /** Leaves the guest where the bed keeps it: a running job aborted, a finished move undone. */
  @AfterEach
  void guestBackHome() {
    GuestHome.bringBackGuest1(bed, MIGRATION);
  }

  private CIMObjectPath guest(String name) {
    return new CIMObjectPath(
        "/root/virt:KVM_ComputerSystem.CreationClassName=\"KVM_ComputerSystem\",Name=\""
            + name
            + "\"");
  }

  private CimJobCalls.Answer migrate(String destination) throws Exception {
    return migrate(destination, 5);
  }

  private CimJobCalls.Answer migrate(String destination, int transport) throws Exception {
    return calls.call(
        calls.service("KVM_VirtualSystemMigrationService"),
        "MigrateVirtualSystemToHost",
        ref("ComputerSystem", guest(bed.guest1())),
        string("DestinationHost", destination),
        embedded(
            "MigrationSettingData",
            instance(
                "KVM_VirtualSystemMigrationSettingData",
                "MigrationType", 2,
                "TransportType", transport,
                "StorageCopy", 1,
                "Bandwidth", 40L)));
  }

  @Test
  void theRealGuestMovesToHv2AndItsJobCompletes() throws Exception {
    CimJobCalls.Answer check =
        calls.call(
            calls.service("KVM_VirtualSystemMigrationService"),
            "CheckVirtualSystemIsMigratableToHost",
            ref("ComputerSystem", guest(bed.guest1())),
            string("DestinationHost", bed.value("HV2_IP")));
    assertThat(check.rc()).isZero();
    assertThat(check.out().get("IsMigratable")).isEqualTo(Boolean.TRUE);
    assertThatThrownBy(
            () ->
                calls.call(
                    calls.service("KVM_VirtualSystemMigrationService"),
                    "CheckVirtualSystemIsMigratableToHost",
                    ref("ComputerSystem", guest("vmx-cimjobs-nosuch")),
                    string("DestinationHost", bed.value("HV2_IP"))))
        .isInstanceOfSatisfying(
            WBEMException.class,
            e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));

    long t0 = System.nanoTime();
    CimJobCalls.Answer started = migrate(bed.value("HV2_IP"));
    assertThat(started.rc()).isEqualTo(4096);
    CIMObjectPath job = started.ref("Job");
    assertThat(job.getObjectName()).isEqualTo("KVM_MigrationJob");
    List<Long> seen = new ArrayList<>();
    CIMInstance done =
        Await.until(
            "the migration job completes",
            () -> {
              CIMInstance i = alice.getInstance(job, false, false, null);
              if (number(i, "JobState") == 4) {
                seen.add(number(i, "PercentComplete"));
              }
              return i;
            },
            i -> number(i, "JobState") == 7,
            MIGRATION);
    System.out.printf(
        "[CimMigrationIT] migration job completed after %.1f s; PercentComplete while running: %s%n",
        (System.nanoTime() - t0) / 1e9, seen);
    assertThat(number(done, "ErrorCode")).as(String.valueOf(done)).isZero();
    assertThat(number(done, "PercentComplete")).isEqualTo(100);
    assertThat(done.getPropertyValue("Status")).isEqualTo("Completed");
    assertThat(seen).as("PercentComplete never goes back").isSorted();
    assertThat(TestBedEnv.domstate(bed.hv2ControlUri(), bed.guest1())).startsWith("running");
    assertThat(TestBedEnv.defined(bed.hostUri(), bed.guest1())).isFalse();
    String jobs = agent.wbemcli(CimClients.BOB, "ei", "root/virt:KVM_MigrationJob").stdout();
    assertThat(jobs).contains("JobState=7").contains("PercentComplete=100");
    CIMInstance told =
        Await.until(
            "the listener receives the completed job",
            () ->
                received.stream()
                    .map(i -> (CIMInstance) i.getPropertyValue("SourceInstance"))
                    .filter(i -> job.getKeyValue("InstanceID").equals(i.getPropertyValue("InstanceID")))
                    .findFirst()
                    .orElse(null),
            i -> i != null,
            Duration.ofSeconds(10));
    assertThat(number(told, "JobState")).isEqualTo(7);
    assertThat(number(told, "PercentComplete")).isEqualTo(100);
    assertThat(received.get(0).getClassName())
        .isEqualTo("KVM_ComputerSystemMigrationJobModifiedIndication");
  }

  @Test
  void aMigrationTowardAnAddressNothingAnswersFailsWithLibvirtsReason() throws Exception {
    CimJobCalls.Answer started = migrate(NOBODY);
    assertThat(started.rc()).isEqualTo(4096);
    CIMInstance done = calls.completed(started.ref("Job"), MIGRATION);
    String status = (String) done.getPropertyValue("Status");
    System.out.println("[CimMigrationIT] toward " + NOBODY + ": " + status);
    assertThat(number(done, "ErrorCode")).isEqualTo(1);
    assertThat(status).isEqualTo(done.getPropertyValue("ErrorDescription")).contains(NOBODY);
    assertThat(TestBedEnv.domstate(bed.hostUri(), bed.guest1())).startsWith("running");
    assertThat(TestBedEnv.defined(bed.hv2ControlUri(), bed.guest1())).isFalse();
  }

  /**
   * TransportType 3 (TLS): libvirt-cim's URI carries ?no_verify=1, which the host entry of
   * --migrate-allow (no query parameters) refused; ours is qemu+tls://HV2/system, admitted, and
   * libvirt itself then checks certificates: this host keeps no client certificate in /etc/pki (the
   * bed's is reached by pkipath= only), so the job fails with libvirt's TLS reason and the guest
   * stays home.
   */
  @Test
  void aTlsMigrationIsAdmittedByTheHostEntryAndLeftToLibvirtsCertificateCheck() throws Exception {
    CimJobCalls.Answer started = migrate(bed.value("HV2_IP"), 3);
    assertThat(started.rc()).isEqualTo(4096);
    CIMInstance done = calls.completed(started.ref("Job"), MIGRATION);
    String status = (String) done.getPropertyValue("Status");
    System.out.println("[CimMigrationIT] TLS toward " + bed.value("HV2_IP") + ": " + status);
    assertThat(status).doesNotContain("--migrate-allow").doesNotContain("no_verify");
    assertThat(number(done, "ErrorCode")).as(status).isEqualTo(1);
    assertThat(TestBedEnv.domstate(bed.hostUri(), bed.guest1())).startsWith("running");
    assertThat(TestBedEnv.defined(bed.hv2ControlUri(), bed.guest1())).isFalse();
  }
}
