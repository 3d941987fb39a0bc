/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestBedEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * AddResourceSettings and RemoveResourceSettings of a disk on the test bed's running real guest
 * {@code vmx-guest1}: the disk shows in {@code virsh domblklist} and inside the guest (its agent's
 * {@code guest-get-disks}), and goes from both. Run it under the test-bed lock: {@code flock
 * /tmp/virtmx-testbed.lock mvn … -Dit.test=CimGuestHotplugIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CimGuestHotplugIT {
  private static final Duration GUEST = Duration.ofSeconds(60);
  private static final String TARGET = "vdb";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestBedEnv bed;
  private String uri;
  private String guest;
  private Path work;
  private Path disks;
  private CimClients agent;
  private WBEMClient alice;

  @BeforeAll
  void start() throws Exception {
    bed = TestBedEnv.get();
    uri = bed.hostUri();
    guest = bed.guest1();
    assertThat(TestBedEnv.domstate(uri, guest)).startsWith("running");
    TestBedEnv.awaitAgent(uri, guest, GUEST);
    work = Files.createTempDirectory(Path.of("/var/tmp"), "vmx-vsms-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    disks = Files.createDirectory(work.resolve("disks"));
    agent = CimClients.start(work, "--connect", uri, "--disk-dir", disks.toString());
    alice = agent.client(CimClients.ALICE);
  }

  @AfterAll
  void stop() {
    if (alice != null) {
      alice.close();
    }
    if (agent != null) {
      agent.close();
    }
    CimClients.deleteTree(disks);
    CimClients.deleteTree(work);
  }

  /** Whatever a failed test left: the extra disk out of the running guest and its definition. */
  @AfterEach
  void leaveTheGuestAsFound() {
    if (TestBedEnv.virsh(uri, "domblklist", guest).contains(TARGET + " ")) {
      TestBed.run(List.of("virsh", "-c", uri, "detach-disk", guest, TARGET, "--live"));
    }
    if (TestBedEnv.virsh(uri, "dumpxml", "--inactive", guest).contains("dev='" + TARGET + "'")) {
      TestBed.run(List.of("virsh", "-c", uri, "detach-disk", guest, TARGET, "--config"));
    }
  }

  private Set<String> guestDisks() throws Exception {
    Set<String> names = new TreeSet<>();
    String answer =
        TestBedEnv.agentCommand(uri, guest, "{\"execute\":\"guest-get-disks\"}").orElse("{}");
    JSON.readTree(answer).path("return").forEach(d -> names.add(d.path("name").asText()));
    return names;
  }

  @Test
  void aDiskAddedToTheRunningGuestShowsInsideAndGoesWhenRemoved() throws Exception {
    Path image = disks.resolve("vmx-vsms-guest.img");
    TestBed.run(List.of("truncate", "-s", "32M", image.toString())).orThrow();
    Set<String> before = guestDisks();
    assertThat(before).isNotEmpty();
    CIMObjectPath service = ManagementCalls.servicePath(agent, alice);
    Await.until(
        "the CIM view sees " + guest + " running",
        () ->
            ManagementCalls.served(
                alice, agent, "KVM_DiskResourceAllocationSettingData", guest + "/vda"),
        GUEST);

    CIMObjectPath[] added = ManagementCalls.addDisk(alice, service, guest, image, TARGET);

    assertThat(added[0].getKey("InstanceID").getValue()).isEqualTo(guest + "/" + TARGET);
    assertThat(TestBedEnv.virsh(uri, "domblklist", guest)).contains(image.toString());
    Set<String> inside =
        Await.until(
            "the guest agent lists one more disk",
            this::guestDisks,
            d -> d.size() == before.size() + 1,
            GUEST);
    assertThat(inside).containsAll(before);

    Await.until(
        "the CIM view serves the RASD of " + TARGET,
        () ->
            ManagementCalls.served(
                alice, agent, "KVM_DiskResourceAllocationSettingData", guest + "/" + TARGET),
        GUEST);
    ManagementCalls.removeDisk(alice, service, guest, TARGET);
    Await.until(
        "virsh domblklist without " + TARGET,
        () -> !TestBedEnv.virsh(uri, "domblklist", guest).contains(image.toString()),
        GUEST);
    assertThat(TestBedEnv.virsh(uri, "dumpxml", "--inactive", guest))
        .doesNotContain(image.toString());
    Await.until("the guest agent lists the disks it had", this::guestDisks, before::equals, GUEST);
  }
}
