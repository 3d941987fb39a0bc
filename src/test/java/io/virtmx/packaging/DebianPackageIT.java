/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Debian package as an operator uses it, on this machine: {@code dpkg -i} the .deb the build
 * made, {@code virtmx --once}, {@code --version} and {@code man virtmx} from the installed files,
 * the service's command line (the unit's ExecStart, as its User, with no privileges) serving
 * {@code /metrics}, then {@code dpkg --purge} and nothing of the package left. The package is
 * purged even when a step fails; the test refuses to run where a virtmx is already installed (it
 * never overwrites or removes an installation it did not make), and takes a machine-wide lock so
 * two runs never overlap.
 */
class DebianPackageIT {
  private static final String PACKAGE = "virtmx";
  private static final Path UNIT = Path.of("/lib/systemd/system/virtmx.service");
  private static final Path USERS = Path.of("/etc/virtmx/users");
  private static final String PASSWORD = "package-it-password";
  private static final Path LOCK = Path.of("/run/lock/virtmx-debian-package-it.lock");
  private static final Duration DPKG_TIMEOUT = Duration.ofMinutes(3);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Anything whose name says virtmx that the package or its scripts could create. */
  private static final List<String> SEARCHED = List.of("/etc", "/lib/systemd", "/usr", "/var");

  /** The paths that must not exist before the test installs the package. */
  private static final List<Path> OURS =
      List.of(
          Path.of("/usr/bin/virtmx"),
          Path.of("/usr/share/virtmx"),
          Path.of("/etc/virtmx"),
          UNIT,
          Path.of("/var/lib/virtmx"),
          Path.of("/var/log/virtmx"));

  @Test
  @SuppressWarnings("try") // the resources are held, not used
  void installRunAndPurge() throws Exception {
    requireRootAndDpkg();
    Path deb = deb();
    try (FileChannel channel =
            FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      requireNoOtherInstallation();
      Set<String> before = namedVirtmx();
      String accountsBefore = accounts();
      Thread purgeOnExit = new Thread(DebianPackageIT::purgeQuietly, "purge-virtmx-package");
      Runtime.getRuntime().addShutdownHook(purgeOnExit);
      List<String> installed;
      try {
        dpkg("-i", deb.toString()).orThrow();
        assertThat(sh("dpkg-query", "-W", "-f=${Status} ${Version}", PACKAGE))
            .startsWith("install ok installed ");
        installed = Arrays.asList(sh("dpkg", "-L", PACKAGE).split("\n"));
        checkInstalledFiles();
        checkCommands();
        addUsersAsAnAdministratorWould();
        checkServiceCommandLine();
      } finally {
        TestBed.Result purge = dpkg("--purge", PACKAGE);
        Runtime.getRuntime().removeShutdownHook(purgeOnExit);
        // The administrator's users file is not the package's: purge keeps it (and so /etc/virtmx).
        boolean usersKept = Files.exists(USERS);
        Files.deleteIfExists(USERS);
        try {
          Files.deleteIfExists(USERS.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException e) {
          // the purge failed: said just below
        }
        assertThat(purge.exitCode()).as("dpkg --purge: " + purge.stderr()).isZero();
        assertThat(usersKept).as(USERS + " kept by purge").isTrue();
      }
      checkNothingLeft(installed, before, accountsBefore);
    }
  }

  @Test
  void lintianReportsNoError() throws Exception {
    Path deb = deb();
    assumeTrue(
        run(Duration.ofSeconds(10), "sh", "-c", "command -v lintian").ok(),
        "lintian is not installed (bash .ci/setup installs it)");
    TestBed.Result r = run(Duration.ofMinutes(3), "lintian", "--fail-on", "error", deb.toString());
    assertThat(r.exitCode()).as("lintian:\n" + r.stdout() + r.stderr()).isZero();
    assertThat(r.stdout()).doesNotContainPattern("(?m)^E: ");
  }

  // --- the steps ----------------------------------------------------------------------------------

  private static void checkInstalledFiles() throws IOException {
    assertThat(Path.of("/usr/bin/virtmx")).isExecutable();
    assertThat(Path.of("/usr/share/virtmx/virtmx.jar")).isRegularFile();
    assertThat(Path.of("/usr/share/man/man1/virtmx.1.gz")).isRegularFile();
    assertThat(Path.of("/usr/share/bash-completion/completions/virtmx")).isRegularFile();
    assertThat(Path.of("/usr/share/doc/virtmx/THIRD-PARTY.txt")).isRegularFile();
    assertThat(sh("dpkg-query", "-W", "-f=${Conffiles}", PACKAGE))
        .contains("/etc/virtmx/virtmx.conf");
    // The system user of the unit, with no login and the state directory as home.
    String passwd = sh("getent", "passwd", "virtmx");
    assertThat(passwd).contains(":/var/lib/virtmx:/usr/sbin/nologin");
    assertThat(sh("stat", "-c", "%U %G %a", "/var/lib/virtmx").strip())
        .isEqualTo("virtmx virtmx 750");
    if (run(Duration.ofSeconds(10), "getent", "group", "libvirt").ok()) {
      assertThat(sh("id", "-nG", "virtmx").split("\\s+")).contains("libvirt");
    }
    String unit = Files.readString(UNIT, StandardCharsets.UTF_8);
    assertThat(unit)
        .contains(
            "User=virtmx",
            "StateDirectory=virtmx",
            "ProtectSystem=strict",
            "NoNewPrivileges=yes",
            "Restart=on-failure")
        .containsPattern("(?m)^CapabilityBoundingSet=$");
    if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
      // systemd checks the unit offline (no running systemd needed) and rates its sandboxing.
      TestBed.Result verify = run(Duration.ofSeconds(60), "systemd-analyze", "verify", UNIT.toString());
      assertThat(verify.exitCode()).as("systemd-analyze verify: " + verify.stderr()).isZero();
      assertThat(verify.stderr()).isBlank();
      String security =
          run(
                  Duration.ofSeconds(60),
                  "systemd-analyze",
                  "security",
                  "--offline=true",
                  "--no-pager",
                  UNIT.toString())
              .stdout();
      Matcher exposure =
          Pattern.compile("Overall exposure level for virtmx.service: ([0-9.]+)")
              .matcher(security);
      assertThat(exposure.find()).as(security).isTrue();
      System.out.println("systemd-analyze security: exposure " + exposure.group(1) + " of 10");
      assertThat(Double.parseDouble(exposure.group(1))).as(security).isLessThanOrEqualTo(3.5);
    }
  }

  private static void checkCommands() {
    String version = sh("/usr/bin/virtmx", "--version");
    assertThat(version)
        .startsWith("virtmx " + projectVersion() + " (commit ")
        .containsPattern("\\(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\\)");

    TestBed.Result once = run(Duration.ofSeconds(90), "/usr/bin/virtmx", "--once");
    assertThat(once.exitCode()).as("virtmx --once: " + once.stderr()).isZero();
    assertThat(once.stdout()).contains("Host ", "test:///default", "default-pool", "running");

    // man renders the installed page without a groff warning.
    TestBed.Result man =
        run(
            Duration.ofSeconds(30),
            "env",
            "MANWIDTH=80",
            "man",
            "--warnings",
            "-P",
            "cat",
            "virtmx");
    assertThat(man.exitCode()).as("man virtmx: " + man.stderr()).isZero();
    assertThat(man.stderr()).isBlank();
    assertThat(man.stdout())
        .contains("NAME", "--connect", "EXIT STATUS")
        .containsPattern("virtmx +- management agent");

    TestBed.Result completion =
        run(
            Duration.ofSeconds(10),
            "bash",
            "-c",
            ". /usr/share/bash-completion/completions/virtmx && complete -p virtmx");
    assertThat(completion.exitCode()).as(completion.stderr()).isZero();
    assertThat(completion.stdout()).contains("virtmx");
  }

  /**
   * docs/packaging.md's steps: {@code virtmx user add} as root, then the file made readable to the
   * service's group once; a later {@code user add} keeps that.
   */
  private static void addUsersAsAnAdministratorWould() throws IOException {
    addUser("alice");
    sh("chgrp", "virtmx", USERS.toString());
    sh("chmod", "0640", USERS.toString());
    addUser("bob");
    assertThat(sh("stat", "-c", "%U %G %a", USERS.toString()).strip()).isEqualTo("root virtmx 640");
    assertThat(Files.readString(USERS)).contains("alice:viewer:", "bob:viewer:");
  }

  private static void addUser(String name) {
    sh(
        "sh",
        "-c",
        "printf '%s\\n%s\\n' \"$0\" \"$0\" | /usr/bin/virtmx user add " + name + " --role viewer",
        PASSWORD);
  }

  /**
   * What systemd would run, without systemd: the unit's ExecStart as its User, with no new
   * privileges and an empty capability bounding set, in the state directory. The views get free
   * ports so that an agent already running here does not matter.
   */
  private static void checkServiceCommandLine() throws Exception {
    List<String> unit = Files.readAllLines(UNIT, StandardCharsets.UTF_8);
    String user = value(unit, "User");
    List<String> execStart = List.of(value(unit, "ExecStart").split("\\s+"));
    int metricsPort = AgentProcess.freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + user,
                "--regid=" + user,
                "--init-groups",
                "--no-new-privs",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--"));
    command.addAll(execStart);
    command.addAll(
        List.of(
            "--metrics-port", String.valueOf(metricsPort),
            "--jolokia-port", String.valueOf(AgentProcess.freePort())));
    Path log = Files.createTempFile("virtmx-service", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(new File(value(unit, "WorkingDirectory")))
            .redirectOutput(log.toFile())
            .redirectErrorStream(true);
    pb.environment().keySet().retainAll(Set.of("PATH", "LANG"));
    Process service = pb.start();
    try {
      // With the users file, a scrape needs a user's credentials (any role).
      String metrics =
          Await.untilAnswers(
              "/metrics with alice's credentials",
              () -> scrape(metricsPort, "alice:" + PASSWORD),
              body -> body.contains("virtmx_snapshot_age_seconds"),
              AgentProcess.STARTUP);
      assertThat(status(metricsPort, null)).isEqualTo(401);
      assertThat(metrics).contains("libvirt_up{", "jvm_");
      // Whether the host is up depends on libvirtd and on the user's access to it, not on the
      // package: said, not asserted.
      metrics.lines().filter(l -> l.startsWith("libvirt_up{")).forEach(System.out::println);
      // The JVM is the service's process itself (setpriv and the launcher exec it), as that user.
      String status = Files.readString(Path.of("/proc/" + service.pid() + "/status"));
      String uid = sh("id", "-u", user).strip();
      assertThat(status)
          .containsPattern("(?m)^Uid:\\s+" + uid + "\\s+" + uid)
          .containsPattern("(?m)^NoNewPrivs:\\s+1")
          .containsPattern("(?m)^CapBnd:\\s+0+$");
      assertThat(Files.readString(Path.of("/proc/" + service.pid() + "/cmdline")))
          .contains("/usr/share/virtmx/virtmx.jar");
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          e.getMessage() + "\nservice log:\n" + Files.readString(log, StandardCharsets.UTF_8), e);
    } finally {
      service.destroy();
      if (!service.waitFor(20, TimeUnit.SECONDS)) {
        service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    }
    // SIGTERM is a clean stop: the unit's SuccessExitStatus=143.
    assertThat(service.exitValue()).isEqualTo(143);
  }

  private static String scrape(int port, String credentials) throws Exception {
    HttpResponse<String> r = get(port, credentials);
    if (r.statusCode() != 200) {
      throw new IOException("/metrics: HTTP " + r.statusCode());
    }
    return r.body();
  }

  private static int status(int port, String credentials) throws Exception {
    return get(port, credentials).statusCode();
  }

  private static HttpResponse<String> get(int port, String credentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(30));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void checkNothingLeft(
      List<String> installed, Set<String> before, String accountsBefore) {
    assertThat(run(Duration.ofSeconds(10), "dpkg-query", "-W", "-f=${Status}", PACKAGE).stdout())
        .doesNotContain("installed");
    for (String path : installed) {
      if (path.contains("virtmx")) {
        assertThat(Path.of(path)).as("left after purge").doesNotExist();
      }
    }
    for (Path p : OURS) {
      assertThat(p).as("left after purge").doesNotExist();
    }
    // Nothing new named virtmx anywhere the package or systemd helpers write (enablement
    // symlinks, deb-systemd-helper state, dpkg's own lists).
    Set<String> after = namedVirtmx();
    after.removeAll(before);
    assertThat(after).as("created by the package and left after purge").isEmpty();
    // The user and group the package created are gone; no other account changed.
    assertThat(accounts()).isEqualTo(accountsBefore);
  }

  // --- helpers ------------------------------------------------------------------------------------

  private static void requireRootAndDpkg() {
    assumeTrue(
        "0".equals(sh("id", "-u").strip()),
        "installing a package needs root (CI and the dev machines run as root)");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "not a Debian system");
  }

  private static void requireNoOtherInstallation() {
    String status = run(Duration.ofSeconds(10), "dpkg-query", "-W", "-f=${Status}", PACKAGE).stdout();
    List<String> present = new ArrayList<>();
    if (status.contains("installed") || status.contains("config-files")) {
      present.add("package virtmx (" + status + ")");
    }
    OURS.stream().filter(Files::exists).forEach(p -> present.add(p.toString()));
    if (run(Duration.ofSeconds(10), "getent", "passwd", "virtmx").ok()) {
      present.add("user virtmx");
    }
    if (!present.isEmpty()) {
      throw new AssertionError(
          "a virtmx installation this test did not make is here ("
              + String.join(", ", present)
              + "); the test installs and purges the package and will not touch it. Remove it"
              + " (the package with 'dpkg --purge virtmx') to run the test.");
    }
  }

  /** The .deb the package phase built next to the jar. */
  private static Path deb() throws IOException {
    Path dir = AgentProcess.jar().toAbsolutePath().getParent();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> debs =
          files
              .filter(p -> p.getFileName().toString().matches("virtmx_.*_all\\.deb"))
              .sorted()
              .toList();
      assumeTrue(!debs.isEmpty(), "no .deb in " + dir + " (built with -Ddeb.skip?)");
      assertThat(debs).as("one package in " + dir).hasSize(1);
      Path deb = debs.get(0);
      assertThat(Files.getLastModifiedTime(deb))
          .as(deb + " is older than the jar: a stale package (built with -Ddeb.skip?)")
          .isGreaterThanOrEqualTo(Files.getLastModifiedTime(AgentProcess.jar()));
      return deb;
    }
  }

  private static String projectVersion() {
    Properties p = new Properties();
    try (var in = DebianPackageIT.class.getResourceAsStream("/io/virtmx/cli/version.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /** Paths under {@link #SEARCHED} whose name contains "virtmx". */
  private static Set<String> namedVirtmx() {
    List<String> cmd = new ArrayList<>(List.of("find"));
    cmd.addAll(SEARCHED);
    // Other tests' scratch files and libvirt's domains (test beds name theirs after virtmx) are no
    // business of the package's.
    cmd.add("-xdev");
    for (String other :
        List.of("/var/tmp", "/etc/libvirt", "/var/lib/libvirt", "/var/log/libvirt", "/var/cache")) {
      cmd.addAll(List.of("-path", other, "-prune", "-o"));
    }
    cmd.addAll(List.of("-name", "*virtmx*", "-print"));
    TestBed.Result r = run(Duration.ofMinutes(2), cmd.toArray(String[]::new));
    return r.stdout()
        .lines()
        .filter(l -> !l.isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The lines of the account databases that name virtmx. */
  private static String accounts() {
    return Stream.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow")
        .flatMap(
            f -> {
              try {
                return Files.readAllLines(Path.of(f)).stream().map(l -> f + ": " + l);
              } catch (IOException e) {
                return Stream.of();
              }
            })
        .filter(l -> l.contains("virtmx"))
        .collect(Collectors.joining("\n"));
  }

  private static String value(List<String> unit, String key) {
    return unit.stream()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> l.substring(key.length() + 1).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError(UNIT + " has no " + key + "="));
  }

  private static void purgeQuietly() {
    dpkg("--purge", PACKAGE);
  }

  /**
   * Runs dpkg, waiting (up to two minutes) while another dpkg or apt holds its lock, e.g. a setup
   * script installing packages meanwhile: a purge must not be lost to that.
   */
  private static TestBed.Result dpkg(String... args) {
    List<String> command = new ArrayList<>(List.of("dpkg"));
    command.addAll(List.of(args));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      TestBed.Result r = TestBed.run(DPKG_TIMEOUT, command);
      boolean locked = !r.ok() && r.stderr().contains("lock");
      if (!locked || System.nanoTime() > deadline) {
        return r;
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return r;
      }
    }
  }

  private static TestBed.Result run(Duration timeout, String... command) {
    return TestBed.run(timeout, List.of(command));
  }

  private static String sh(String... command) {
    return run(DPKG_TIMEOUT, command).orThrow().stdout();
  }
}
