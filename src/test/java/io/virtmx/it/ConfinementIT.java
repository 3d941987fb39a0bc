/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.virtmx.itsupport.AgentArgs;
import io.virtmx.itsupport.ViewRequests;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The confinement of define, create, restore and migrate against the real libvirtd on
 * qemu:///system, through Jolokia as an operator: OS-less QEMU domains {@code vmx-harden-…} whose
 * files lie in the {@code --disk-dir} are defined, created, saved and restored (with the checked
 * XML); a definition or a save image naming a file outside, a foreign emulator, a migration to a
 * destination {@code --migrate-allow} does not name are refused before libvirt acts, audited as
 * refused; an agent given a --disk-dir others may write in does not start.
 */
class ConfinementIT {
  private static final String URI = "qemu:///system";
  private static final String PASSWORD = "pw-harden";
  private static final String PREFIX = "vmx-harden-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path work;
  private static Path disks;
  private static Path saves;
  private static Path audit;
  private static int jolokia;
  private static AgentProcess agent;
  private static String host;

  @BeforeAll
  static void startAgent() throws Exception {
    TestBed.ensureLibvirtd();
    removeOurDomains();
    work = Files.createTempDirectory(Path.of("/var/tmp"), PREFIX);
    // root-owned, 0755: qemu (libvirt-qemu) traverses it, no one else writes in it
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    disks = Files.createDirectory(work.resolve("disks"));
    saves = Files.createDirectory(work.resolve("save"));
    audit = work.resolve("audit.log");
    Path users = work.resolve("users");
    TestUsers.operator("ops", PASSWORD).save(users);
    jolokia = AgentProcess.freePort();
    agent =
        AgentArgs.watching(URI, "30s")
            .users(users)
            .jolokia(jolokia)
            .add("--disk-dir", disks.toString(), "--save-dir", saves.toString())
            .add("--migrate-allow", "qemu+tcp://198.18.0.2/system")
            .add("--audit-log", audit.toString())
            .started();
    host = hostName();
  }

  @AfterAll
  static void stopAgent() throws IOException {
    if (agent != null) {
      agent.close();
    }
    removeOurDomains();
    if (work != null) {
      try (Stream<Path> all = Files.walk(work)) {
        all.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
      }
    }
  }

  @AfterEach
  void removeDomains() {
    removeOurDomains();
  }

  private static void removeOurDomains() {
    String all = TestBed.tryVirsh("-c", URI, "list", "--all", "--name").stdout();
    for (String name : all.lines().map(String::strip).toList()) {
      if (name.startsWith(PREFIX)) {
        TestBed.tryVirsh("-c", URI, "destroy", name);
        TestBed.tryVirsh("-c", URI, "undefine", name, "--managed-save");
      }
    }
  }

  private static String hostName() throws Exception {
    String body =
        ViewRequests.postAs(
            url(), "ops", PASSWORD, "{\"type\":\"search\",\"mbean\":\"libvirt:type=Host,*\"}");
    String name = JSON.readTree(body).path("value").get(0).asText();
    return name.substring(name.indexOf("host=") + 5).replaceAll(",.*", "");
  }

  private static String url() {
    return "http://127.0.0.1:" + jolokia + "/jolokia";
  }

  private static JsonNode exec(String mbean, String operation, Object... arguments)
      throws Exception {
    ObjectNode request = JSON.createObjectNode();
    request.put("type", "exec").put("mbean", mbean).put("operation", operation);
    ArrayNode args = request.putArray("arguments");
    for (Object a : arguments) {
      args.addPOJO(a);
    }
    return JSON.readTree(
        ViewRequests.postAs(url(), "ops", PASSWORD, JSON.writeValueAsString(request)));
  }

  private static JsonNode onHost(String operation, Object... arguments) throws Exception {
    return exec("libvirt:type=Host,host=" + host, operation, arguments);
  }

  private static JsonNode onDomain(String domain, String operation, Object... arguments)
      throws Exception {
    String mbean = "libvirt:type=Domain,host=" + host + ",name=" + domain;
    Await.until(
        "the agent knows " + domain,
        () ->
            JSON.readTree(
                        ViewRequests.postAs(
                            url(),
                            "ops",
                            PASSWORD,
                            "{\"type\":\"search\",\"mbean\":\"" + mbean + "\"}"))
                    .path("value")
                    .size()
                > 0,
        Duration.ofSeconds(30));
    return exec(mbean, operation, arguments);
  }

  /** An OS-less QEMU domain: one raw disk, a serial port logging to {@code log}, no graphics. */
  private static String domain(String name, Path disk, Path log, String emulator)
      throws IOException {
    if (!Files.exists(disk) && disk.startsWith(disks)) {
      Files.write(disk, new byte[1024 * 1024]);
    }
    return "<domain type='qemu'><name>"
        + name
        + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
        + (emulator == null ? "" : "<emulator>" + emulator + "</emulator>")
        + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='"
        + disk
        + "'/><target dev='vda' bus='virtio'/></disk>"
        + "<serial type='file'><source path='"
        + log
        + "'/></serial><memballoon model='none'/><video><model type='none'/></video>"
        + "</devices></domain>";
  }

  private static String auditLines(String op, String result) throws IOException {
    return String.join(
        "\n",
        Files.readAllLines(audit).stream()
            .filter(l -> l.contains("op=" + op + " result=" + result))
            .toList());
  }

  private static boolean defined(String name) {
    return TestBed.tryVirsh("-c", URI, "dominfo", name).ok();
  }

  @Test
  void aDefinitionWithItsFilesInTheDiskDirIsDefinedAndCreatedOneNamingAFileOutsideIsNot()
      throws Exception {
    String ok = PREFIX + "ok";
    JsonNode defined =
        onHost(
            "defineDomain",
            domain(ok, disks.resolve("ok.img"), disks.resolve("ok.log"), "/usr/bin/qemu-system-x86_64"));
    assertThat(defined.path("value").asText()).as(defined.toString()).isEqualTo(ok);
    assertThat(TestBed.virsh("-c", URI, "dumpxml", ok)).contains(disks + "/ok.img");

    String live = PREFIX + "live";
    JsonNode created =
        onHost("createDomain", domain(live, disks.resolve("live.img"), disks.resolve("live.log"), null));
    assertThat(created.path("value").asText()).as(created.toString()).isEqualTo(live);
    assertThat(TestBed.virsh("-c", URI, "domstate", live)).startsWith("running");

    String bad = PREFIX + "bad";
    Path outside = work.resolve("outside.log");
    List<JsonNode> refused =
        List.of(
            onHost("defineDomain", domain(bad, disks.resolve("bad.img"), outside, null)),
            onHost("createDomain", domain(bad, Path.of("/etc/shadow"), disks.resolve("b.log"), null)),
            onHost(
                "defineDomain",
                domain(bad, disks.resolve("bad.img"), disks.resolve("b.log"), "/bin/sh")));
    assertThat(refused.get(0).path("error").asText())
        .contains(
            "domain XML: <source path='"
                + outside
                + "'>: '"
                + outside
                + "' is outside every --disk-dir ("
                + disks.toRealPath()
                + ")");
    assertThat(refused.get(1).path("error").asText())
        .contains("<source file='/etc/shadow'>: '/etc/shadow' is outside every --disk-dir");
    assertThat(refused.get(2).path("error").asText())
        .contains("<emulator>/bin/sh</emulator> is not an emulator of this host");
    assertThat(defined(bad)).isFalse();
    assertThat(outside).doesNotExist();
    assertThat(auditLines("defineDomain", "refused").lines()).hasSize(2);
    assertThat(auditLines("createDomain", "refused")).contains("/etc/shadow");
  }

  @Test
  void restoreChecksTheImagesDefinitionAndRestoresWithIt() throws Exception {
    // defined by the administrator (virsh), its serial log outside the disk dir
    String outsider = PREFIX + "outsider";
    Path xml = work.resolve("outsider.xml");
    Files.writeString(xml, domain(outsider, disks.resolve("outsider.img"), work.resolve("o.log"), null));
    TestBed.virsh("-c", URI, "define", xml.toString());
    TestBed.virsh("-c", URI, "start", outsider);
    Path image = saves.resolve("outsider.save");
    TestBed.virsh("-c", URI, "save", outsider, image.toString());
    JsonNode refused = onDomain(outsider, "restore", image.toString(), false);
    assertThat(refused.path("error").asText())
        .as(refused.toString())
        .contains("'" + image + "': domain XML: <source path='" + work.resolve("o.log") + "'>")
        .contains("is outside every --disk-dir");
    assertThat(TestBed.virsh("-c", URI, "domstate", outsider)).startsWith("shut off");
    assertThat(auditLines("restore", "refused")).contains(image.toString());

    // one whose files are all in the disk dir: saved and restored through the agent
    String insider = PREFIX + "insider";
    onHost("createDomain", domain(insider, disks.resolve("in.img"), disks.resolve("in.log"), null));
    Path saved = saves.resolve("insider.save");
    JsonNode save = onDomain(insider, "save", saved.toString());
    assertThat(save.path("status").asInt()).as(save.toString()).isEqualTo(200);
    JsonNode restored = onDomain(insider, "restore", saved.toString(), false);
    assertThat(restored.path("status").asInt()).as(restored.toString()).isEqualTo(200);
    assertThat(TestBed.virsh("-c", URI, "domstate", insider)).startsWith("running");
    assertThat(auditLines("restore", "ok")).contains(saved.toString());
  }

  @Test
  void migrationToADestinationNotAllowedIsRefusedBeforeLibvirt() throws Exception {
    String vm = PREFIX + "mig";
    onHost("createDomain", domain(vm, disks.resolve("mig.img"), disks.resolve("mig.log"), null));
    String id = TestBed.virsh("-c", URI, "domid", vm).strip();
    JsonNode elsewhere =
        onDomain(vm, "migrate", "qemu+tcp://203.0.113.9/system", "", true, "all", 0L);
    assertThat(elsewhere.path("error").asText())
        .as(elsewhere.toString())
        .contains("destination 'qemu+tcp://203.0.113.9/system' is not allowed by --migrate-allow");
    JsonNode dataElsewhere =
        onDomain(vm, "migrate", "qemu+tcp://198.18.0.2/system", "203.0.113.9", true, "all", 0L);
    assertThat(dataElsewhere.path("error").asText())
        .contains("migration data address '203.0.113.9' is not allowed by --migrate-allow");
    JsonNode extTransport =
        onDomain(vm, "migrate", "qemu+ext:///system?command=/bin/sh", "", true, "all", 0L);
    assertThat(extTransport.path("error").asText()).contains("is not allowed by --migrate-allow");
    assertThat(auditLines("migrate", "refused").lines()).hasSize(3);
    assertThat(TestBed.virsh("-c", URI, "domid", vm).strip()).isEqualTo(id);
  }

  @Test
  void anAgentGivenADiskDirOthersMayWriteInDoesNotStart() throws Exception {
    Path shared = Files.createDirectory(work.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    TestBed.Result r =
        AgentProcess.run(
            Duration.ofSeconds(60), "--once", "--connect", "test:///default", "--disk-dir",
            shared.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr())
        .contains(
            "--disk-dir " + shared + ": " + shared + " is writable by group or others (rwxrwxrwx)");
  }
}
