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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The other hot-plug operations on the test bed's real guest {@code vmx-guest1}, over Jolokia as an
 * operator: a CD-ROM drive attached from its XML to the persistent definition only ({@code
 * config}), a medium put in and ejected there, the drive detached again, the running domain never
 * touched; and the live memory balloon moved and put back. Run it under the test-bed lock.
 */
class DomainConfigChangesIT {
  private static final String DRIVE = "hdc";
  private static final String CDROM =
      "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/>"
          + "<target dev='hdc' bus='ide'/><readonly/></disk>";

  private static DomainOpsAgent bed;
  private static long fullMemoryKib;

  @BeforeAll
  static void startAgent() throws Exception {
    bed = new DomainOpsAgent("10m");
    fullMemoryKib = Long.parseLong(bed.bed.value("GUEST_MEMORY_KIB"));
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

  /** The drive out of the definition, the balloon back at full memory. */
  @AfterEach
  void leaveTheGuestAsFound() {
    if (inactiveXml().contains("dev='" + DRIVE + "'")) {
      TestBed.run(List.of("virsh", "-c", bed.uri, "detach-disk", bed.guest, DRIVE, "--config"));
    }
    if (TestBedEnv.dommemstat(bed.uri, bed.guest).get("actual") != fullMemoryKib) {
      TestBedEnv.virsh(bed.uri, "setmem", bed.guest, fullMemoryKib + "KiB", "--live");
    }
    bed.guestRunning();
  }

  private static String inactiveXml() {
    return TestBedEnv.virsh(bed.uri, "dumpxml", "--inactive", bed.guest);
  }

  private static String currentMemoryLine() {
    return inactiveXml().lines().filter(l -> l.contains("<currentMemory")).findFirst().orElse("");
  }

  private static void ok(JsonNode answer) {
    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
  }

  @Test
  void aCdromDriveInTheDefinitionGetsAMediumLosesItAndGoes() throws Exception {
    Path iso = Files.writeString(bed.diskDir.resolve("vmx-domainops.iso"), "not really an ISO");
    String live = TestBedEnv.virsh(bed.uri, "domblklist", bed.guest);

    ok(bed.exec("ops", "attachDevice", CDROM, "config"));
    assertThat(inactiveXml()).contains("<target dev='hdc' bus='ide'/>");

    ok(bed.exec("ops", "changeMedia", DRIVE, iso.toString(), "config"));
    assertThat(inactiveXml()).contains("<source file='" + iso + "'");

    ok(bed.exec("ops", "changeMedia", DRIVE, "", "config"));
    assertThat(inactiveXml()).contains("dev='hdc'").doesNotContain(iso.toString());

    ok(bed.exec("ops", "detachDevice", CDROM, "config"));
    assertThat(inactiveXml()).doesNotContain("dev='hdc'");
    assertThat(TestBedEnv.virsh(bed.uri, "domblklist", bed.guest)).isEqualTo(live);
    assertThat(bed.audit())
        .contains("op=attachDevice result=ok")
        .contains("op=changeMedia result=ok")
        .contains("op=detachDevice result=ok");
  }

  @Test
  void aMediumOutsideEveryDiskDirIsRefused() throws Exception {
    ok(bed.exec("ops", "attachDevice", CDROM, "config"));

    JsonNode answer = bed.exec("ops", "changeMedia", DRIVE, "/etc/shadow", "config");

    assertThat(answer.path("status").asInt()).isNotEqualTo(200);
    assertThat(answer.path("error").asText()).contains("'/etc/shadow' is outside every --disk-dir");
    assertThat(inactiveXml()).doesNotContain("/etc/shadow");
  }

  @Test
  void theLiveBalloonMovesAndComesBack() throws Exception {
    long lower = fullMemoryKib - 32 * 1024;
    String defined = currentMemoryLine();

    ok(bed.exec("ops", "changeMemory", lower, "live"));
    Await.until(
        "balloon at " + lower + " KiB",
        () -> TestBedEnv.dommemstat(bed.uri, bed.guest).get("actual"),
        v -> v == lower,
        Duration.ofSeconds(30));
    assertThat(currentMemoryLine()).isEqualTo(defined); // live only: the definition kept its own

    ok(bed.exec("ops", "changeMemory", fullMemoryKib, "live"));
    Await.until(
        "balloon back at " + fullMemoryKib + " KiB",
        () -> TestBedEnv.dommemstat(bed.uri, bed.guest).get("actual"),
        v -> v == fullMemoryKib,
        Duration.ofSeconds(30));
  }
}
