/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Save to a file and restore on the test bed's real guest {@code vmx-guest1}, over Jolokia as an
 * operator: save into the {@code --save-dir} stops it, restore brings it back running with its
 * guest agent answering; a path outside every save dir (or escaping one by {@code ..} or a symbolic
 * link) is refused before libvirt is called: audited as refused, the guest running on with the same
 * domain ID, no file written. Run it under the test-bed lock.
 */
class DomainSaveIT {
  private static final Duration SAVE = Duration.ofSeconds(120);

  private static DomainOpsAgent bed;

  @BeforeAll
  static void startAgent() throws Exception {
    bed = new DomainOpsAgent("2s");
  }

  @AfterAll
  static void stopAgent() {
    if (bed != null) {
      bed.close();
    }
  }

  @BeforeEach
  void guestRunning() {
    bed.guestRunning();
  }

  @AfterEach
  void leaveTheGuestAsFound() {
    bed.guestRunning();
  }

  private static String domainId() {
    return TestBedEnv.virsh(bed.uri, "domid", bed.guest).strip();
  }

  @Test
  void saveIntoTheSaveDirAndRestoreBringTheGuestBackRunning() throws Exception {
    Path image = bed.saveDir.resolve("vmx-domainops-guest1.save");

    JsonNode saved = bed.exec("ops", "save", image.toString());
    assertThat(saved.path("status").asInt()).as(saved.toString()).isEqualTo(200);
    assertThat(TestBedEnv.domstate(bed.uri, bed.guest)).startsWith("shut off (saved)");
    assertThat(image).isRegularFile();
    JsonNode listed = bed.exec("ops", "listSavedImages");
    assertThat(listed.path("value").toString()).contains(image.toString());
    Await.until(
        "the agent's /metrics shows the guest shut off",
        () -> TestBedEnv.metric(bed.metrics(), "libvirt_domain_state_code", "domain", bed.guest),
        v -> v.isPresent() && v.getAsDouble() == 5.0,
        Duration.ofSeconds(10));

    JsonNode restored = bed.exec("ops", "restore", image.toString(), false);
    assertThat(restored.path("status").asInt()).as(restored.toString()).isEqualTo(200);
    assertThat(TestBedEnv.domstate(bed.uri, bed.guest)).startsWith("running (restored)");
    TestBedEnv.awaitAgent(bed.uri, bed.guest, SAVE);
    assertThat(bed.audit()).contains("op=save result=ok").contains("op=restore result=ok");
    Files.delete(image);
  }

  @Test
  void aPathOutsideEverySaveDirIsRefusedBeforeLibvirtIsCalled() throws Exception {
    String id = domainId();
    Path outside = bed.work.resolve("vmx-domainops-outside.save");
    Path escape = bed.saveDir.resolve("link");
    Files.createSymbolicLink(escape, bed.work);
    try {
      for (String path :
          new String[] {
            outside.toString(),
            bed.saveDir + "/../vmx-domainops-dots.save",
            escape + "/vmx-domainops-link.save",
            "/etc/vmx-domainops.save"
          }) {
        JsonNode answer = bed.exec("ops", "save", path);
        assertThat(answer.path("status").asInt()).as(answer.toString()).isNotEqualTo(200);
        assertThat(answer.path("error").asText())
            .containsAnyOf("outside every --save-dir", "'..'", "is a symbolic link");
      }
    } finally {
      Files.delete(escape);
    }
    assertThat(bed.audit().lines().filter(l -> l.contains("op=save result=refused"))).hasSize(4);
    // libvirt saw nothing: the same running domain, no file anywhere
    assertThat(TestBedEnv.domstate(bed.uri, bed.guest)).startsWith("running");
    assertThat(domainId()).isEqualTo(id);
    assertThat(outside).doesNotExist();
    assertThat(bed.work.resolve("vmx-domainops-dots.save")).doesNotExist();
    assertThat(bed.work.resolve("vmx-domainops-link.save")).doesNotExist();
    assertThat(Path.of("/etc/vmx-domainops.save")).doesNotExist();
  }
}
