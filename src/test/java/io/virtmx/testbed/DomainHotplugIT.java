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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hot-plug on the test bed's real guest {@code vmx-guest1}, over Jolokia as an operator: a disk and
 * a NIC attached appear in {@code virsh domblklist}/{@code domiflist}, inside the guest (its agent
 * lists them), as MBeans and as /metrics series within a second (the agent collects only every 10
 * minutes: the device events and the operation's refresh do it), and go from all of them when
 * detached; a viewer's attach is refused and changes nothing. The NIC goes onto the test bed's
 * bridge {@code vmxtb0} through a libvirt network in bridge mode ({@value #NETWORK}, defined here
 * by virsh): straight onto that host bridge it is refused, as no libvirt network made it (an
 * isolated network cannot start on the test bed: it has no iptables). Run it under the test-bed lock:
 * {@code flock /tmp/virtmx-testbed.lock mvn … -Dit.test=DomainHotplugIT}.
 */
class DomainHotplugIT {
  /** The bound for a hot-plugged device to show in the views. */
  private static final Duration SEEN = Duration.ofSeconds(1);

  private static final Duration GUEST = Duration.ofSeconds(60);
  private static final String TARGET = "vdb";
  /** The administrator's grant of the test bed's bridge to guests. */
  private static final String NETWORK = "vmx-leftovers2-hotplug";

  private static DomainOpsAgent bed;
  private String attachedMac;

  @BeforeAll
  static void startAgent() throws Exception {
    bed = new DomainOpsAgent("10m");
    Path xml =
        Files.writeString(
            bed.work.resolve("network.xml"),
            "<network><name>" + NETWORK + "</name><forward mode='bridge'/><bridge name='vmxtb0'/>"
                + "</network>");
    TestBed.run(List.of("virsh", "-c", bed.uri, "net-destroy", NETWORK));
    TestBed.run(List.of("virsh", "-c", bed.uri, "net-undefine", NETWORK));
    TestBedEnv.virsh(bed.uri, "net-define", xml.toString());
    TestBedEnv.virsh(bed.uri, "net-start", NETWORK);
  }

  @AfterAll
  static void stopAgent() {
    if (bed != null) {
      TestBed.run(List.of("virsh", "-c", bed.uri, "net-destroy", NETWORK));
      TestBed.run(List.of("virsh", "-c", bed.uri, "net-undefine", NETWORK));
      bed.close();
    }
  }

  @BeforeEach
  void guestRunning() {
    bed.guestRunning();
  }

  /** Whatever a failed test left: the extra disk and NIC away, the guest running. */
  @AfterEach
  void leaveTheGuestAsFound() {
    if (TestBedEnv.virsh(bed.uri, "domblklist", bed.guest).contains(TARGET + " ")) {
      TestBed.run(List.of("virsh", "-c", bed.uri, "detach-disk", bed.guest, TARGET, "--live"));
    }
    if (attachedMac != null) {
      TestBed.run(
          List.of(
              "virsh", "-c", bed.uri, "detach-interface", bed.guest, "network", "--mac",
              attachedMac, "--live"));
    }
    bed.guestRunning();
  }

  /** The device names the guest agent lists ({@code guest-get-disks}). */
  private static Set<String> guestDisks() throws Exception {
    Set<String> names = new TreeSet<>();
    DomainOpsAgent.parse(bed.agentAnswer("guest-get-disks"))
        .path("return")
        .forEach(d -> names.add(d.path("name").asText()));
    return names;
  }

  /** Awaits {@code probe} for the second after the operation returned; prints the delay. */
  private static void seenWithinASecond(String what, Callable<Boolean> probe) {
    long start = System.nanoTime();
    Await.until(what, probe, SEEN);
    System.out.printf(
        "DomainHotplugIT: %s after %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
  }

  private static void ok(JsonNode answer) {
    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
  }

  @Test
  void aDiskAttachedOverJolokiaShowsEverywhereAndGoesWhenDetached() throws Exception {
    Path image = bed.diskDir.resolve("vmx-domainops-disk.img");
    TestBed.run(List.of("truncate", "-s", "64M", image.toString())).orThrow();
    Set<String> before = guestDisks();
    assertThat(before).isNotEmpty();
    String bean =
        "libvirt:type=DomainDisk,host=" + bed.bed.hostName() + ",domain=" + bed.guest + ",name="
            + TARGET;
    String series = "target_device=\"" + TARGET + "\"";
    assertThat(bed.mbeanExists(bean)).isFalse();
    assertThat(bed.hasSeries("libvirt_domain_block_", series)).isFalse();

    ok(bed.exec("ops", "attachDisk", image.toString(), TARGET, "", "", false, "live"));
    seenWithinASecond("DomainDisk MBean " + TARGET, () -> bed.mbeanExists(bean));
    seenWithinASecond("/metrics series of " + TARGET,
        () -> bed.hasSeries("libvirt_domain_block_", series));
    assertThat(TestBedEnv.virsh(bed.uri, "domblklist", bed.guest)).contains(image.toString());
    Set<String> inside = Await.until("the guest agent lists one more disk",
        DomainHotplugIT::guestDisks, d -> d.size() == before.size() + 1, GUEST);
    assertThat(inside).containsAll(before);

    ok(bed.exec("ops", "detachDisk", TARGET, "live"));
    Await.until("virsh domblklist without " + TARGET,
        () -> !TestBedEnv.virsh(bed.uri, "domblklist", bed.guest).contains(image.toString()),
        GUEST);
    seenWithinASecond("DomainDisk MBean " + TARGET + " gone", () -> !bed.mbeanExists(bean));
    seenWithinASecond("/metrics without " + TARGET,
        () -> !bed.hasSeries("libvirt_domain_block_", series));
    Await.until("the guest agent lists the disks it had", DomainHotplugIT::guestDisks,
        before::equals, GUEST);
    assertThat(bed.audit()).contains("op=attachDisk result=ok").contains("op=detachDisk result=ok");
  }

  @Test
  void aNicAttachedOverJolokiaShowsEverywhereAndGoesWhenDetached() throws Exception {
    assertThat(bed.hasSeries("libvirt_domain_interface_info", "source=\"vmxtb0\"")).isTrue();
    JsonNode answer = bed.exec("ops", "attachInterface", "network", NETWORK, "virtio", "", "live");
    ok(answer);
    attachedMac = answer.path("value").asText();
    assertThat(attachedMac).matches("52:54:00(:[0-9a-f]{2}){3}");
    String mac = "mac=\"" + attachedMac + "\"";
    seenWithinASecond("/metrics interface series with " + attachedMac,
        () -> bed.hasSeries("libvirt_domain_interface_info", mac));
    String vnet =
        TestBedEnv.virsh(bed.uri, "domiflist", bed.guest)
            .lines()
            .filter(l -> l.contains(attachedMac))
            .findFirst()
            .orElseThrow()
            .strip()
            .split("\\s+")[0];
    String bean =
        "libvirt:type=DomainInterface,host=" + bed.bed.hostName() + ",domain=" + bed.guest
            + ",name=" + vnet;
    seenWithinASecond("DomainInterface MBean " + vnet, () -> bed.mbeanExists(bean));
    Await.until("the guest agent lists the new interface",
        () -> bed.agentAnswer("guest-network-get-interfaces"), s -> s.contains(attachedMac), GUEST);

    ok(bed.exec("ops", "detachInterface", attachedMac, "live"));
    Await.until("virsh domiflist without " + attachedMac,
        () -> !TestBedEnv.virsh(bed.uri, "domiflist", bed.guest).contains(attachedMac), GUEST);
    seenWithinASecond("DomainInterface MBean " + vnet + " gone", () -> !bed.mbeanExists(bean));
    seenWithinASecond("/metrics without " + attachedMac,
        () -> !bed.hasSeries("libvirt_domain_interface_info", mac));
    Await.until("the guest agent no longer lists it",
        () -> bed.agentAnswer("guest-network-get-interfaces"),
        s -> s.contains("hardware-address") && !s.contains(attachedMac), GUEST);
    attachedMac = null;
  }

  @Test
  void aViewersAttachIsRefusedAndNothingChanges() throws Exception {
    Path image = bed.diskDir.resolve("vmx-domainops-viewer.img");
    TestBed.run(List.of("truncate", "-s", "16M", image.toString())).orThrow();
    String disks = TestBedEnv.virsh(bed.uri, "domblklist", bed.guest);
    String nics = TestBedEnv.virsh(bed.uri, "domiflist", bed.guest);

    JsonNode disk = bed.exec("view", "attachDisk", image.toString(), TARGET, "", "", false, "");
    JsonNode nic = bed.exec("view", "attachInterface", "bridge", "vmxtb0", "", "", "");

    assertThat(disk.path("status").asInt()).as(disk.toString()).isEqualTo(403);
    assertThat(disk.path("error").asText()).startsWith("Operation attachDisk forbidden");
    assertThat(nic.path("status").asInt()).as(nic.toString()).isEqualTo(403);
    assertThat(TestBedEnv.virsh(bed.uri, "domblklist", bed.guest)).isEqualTo(disks);
    assertThat(TestBedEnv.virsh(bed.uri, "domiflist", bed.guest)).isEqualTo(nics);
    // refused by Jolokia's restrictor before the MBean: the operation was never attempted
    assertThat(bed.audit()).doesNotContainPattern("op=attach\\w+ .*user=view");
  }

  @Test
  void aNicStraightOntoTheHostBridgeIsRefusedBeforeLibvirt() throws Exception {
    String nics = TestBedEnv.virsh(bed.uri, "domiflist", bed.guest);

    JsonNode answer = bed.exec("ops", "attachInterface", "bridge", "vmxtb0", "virtio", "", "live");

    assertThat(answer.path("status").asInt()).as(answer.toString()).isNotEqualTo(200);
    assertThat(answer.path("error").asText())
        .contains("interface bridge 'vmxtb0' is not the bridge of a libvirt network of this host")
        .contains("only bridges libvirt networks made may be used");
    assertThat(TestBedEnv.virsh(bed.uri, "domiflist", bed.guest)).isEqualTo(nics);
    assertThat(bed.audit()).containsPattern("op=attachInterface result=refused .*vmxtb0");
  }

  @Test
  void aDiskFileOutsideEveryDiskDirIsRefusedBeforeLibvirt() throws Exception {
    String disks = TestBedEnv.virsh(bed.uri, "domblklist", bed.guest);
    Path outside = Files.writeString(bed.work.resolve("outside.img"), "not a disk dir");

    JsonNode answer =
        bed.exec("ops", "attachDisk", outside.toString(), TARGET, "", "", true, "live");

    assertThat(answer.path("status").asInt()).as(answer.toString()).isNotEqualTo(200);
    assertThat(answer.path("error").asText()).contains("is outside every --disk-dir");
    assertThat(TestBedEnv.virsh(bed.uri, "domblklist", bed.guest)).isEqualTo(disks);
    assertThat(bed.audit()).containsPattern("op=attachDisk result=refused .*outside every");
  }

  @Test
  void aDiskAttachedByVirshIsSeenThroughTheDeviceEvents() throws Exception {
    Path image = bed.diskDir.resolve("vmx-domainops-virsh.img");
    TestBed.run(List.of("truncate", "-s", "16M", image.toString())).orThrow();
    String bean =
        "libvirt:type=DomainDisk,host=" + bed.bed.hostName() + ",domain=" + bed.guest + ",name="
            + TARGET;
    assertThat(bed.mbeanExists(bean)).isFalse();

    // not through the agent: only libvirt's DEVICE_ADDED/DEVICE_REMOVED events tell it
    TestBedEnv.virsh(bed.uri, "attach-disk", bed.guest, image.toString(), TARGET, "--live");
    seenWithinASecond("DomainDisk MBean " + TARGET + " after virsh attach-disk",
        () -> bed.mbeanExists(bean));

    TestBedEnv.virsh(bed.uri, "detach-disk", bed.guest, TARGET, "--live");
    Await.until("virsh domblklist without " + TARGET,
        () -> !TestBedEnv.virsh(bed.uri, "domblklist", bed.guest).contains(image.toString()),
        GUEST);
    seenWithinASecond("DomainDisk MBean " + TARGET + " gone after virsh detach-disk",
        () -> !bed.mbeanExists(bean));
  }
}
