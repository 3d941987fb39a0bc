/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Static helpers for integration tests that need a real libvirtd.
 *
 * <p>The machine is prepared by {@code .ci/setup} (packages, the libvirt-qemu user, /dev/kvm
 * permissions). This class only starts the daemons when they are not answering, so an IT can run
 * right after a reboot without re-running the script.
 */
public final class TestBed {

  /** The URI the QEMU driver answers on; also the default URI of {@link #virsh}. */
  public static final String QEMU_URI = "qemu:///system";

  /** Timeout for every external command run through this class. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration DAEMON_START_TIMEOUT = Duration.ofSeconds(30);

  private TestBed() {}

  /** Exit code, stdout and stderr of a finished command. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Returns this result, or throws with the command, exit code and stderr when it failed. */
    public Result orThrow() {
      if (!ok()) {
        throw new CommandFailedException(this);
      }
      return this;
    }
  }

  /** A command exited non-zero or timed out. */
  public static final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Result result;

    CommandFailedException(Result result) {
      super(
          String.join(" ", result.command())
              + " exited "
              + result.exitCode()
              + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
      this.result = result;
    }

    public Result result() {
      return result;
    }
  }

  /**
   * Runs a command with {@link #COMMAND_TIMEOUT}, never throwing on a non-zero exit. A timed-out
   * command is killed and reported with exit code 124 (like timeout(1)).
   */
  public static Result run(List<String> command) {
    return run(COMMAND_TIMEOUT, command);
  }

  public static Result run(Duration timeout, List<String> command) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("virtmx-cmd", ".out");
      err = Files.createTempFile("virtmx-cmd", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().putIfAbsent("LIBVIRT_DEFAULT_URI", QEMU_URI);
      pb.environment().put("LC_ALL", "C");
      Process p = pb.start();
      int code;
      if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        code = p.exitValue();
      } else {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        code = 124;
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      if (code == 124) {
        stderr = "timed out after " + timeout.toSeconds() + " s. " + stderr;
      }
      return new Result(
          List.copyOf(command), code, Files.readString(out, StandardCharsets.UTF_8), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** Runs a command and returns its stdout; throws {@link CommandFailedException} on failure. */
  public static String exec(String... command) {
    return run(Arrays.asList(command)).orThrow().stdout();
  }

  /**
   * Runs {@code virsh args...} and returns stdout; throws with stderr on a non-zero exit. Without
   * {@code -c URI} in args, virsh talks to {@link #QEMU_URI}.
   */
  public static String virsh(String... args) {
    return run(virshCommand(args)).orThrow().stdout();
  }

  /** Like {@link #virsh} but returns the result instead of throwing. */
  public static Result tryVirsh(String... args) {
    return run(virshCommand(args));
  }

  private static List<String> virshCommand(String... args) {
    List<String> cmd = new ArrayList<>(args.length + 2);
    cmd.add("virsh");
    cmd.add("-q");
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /** True when libvirtd answers on its socket with a working QEMU driver. */
  public static boolean libvirtdAnswers() {
    return tryVirsh("-c", QEMU_URI, "version").ok();
  }

  /**
   * Starts virtlogd and libvirtd (daemonized, as {@code .ci/setup} does) unless libvirtd already
   * answers, then waits up to 30 s for it.
   */
  public static synchronized void ensureLibvirtd() {
    if (libvirtdAnswers()) {
      return;
    }
    if (run(List.of("id", "libvirt-qemu")).exitCode() != 0) {
      throw new IllegalStateException(
          "user libvirt-qemu is missing, libvirt's QEMU driver cannot load: run `bash .ci/setup` first");
    }
    try {
      Files.createDirectories(Path.of("/run/libvirt"));
      Files.createDirectories(Path.of("/var/log/libvirt"));
      Files.createDirectories(Path.of("/var/lib/libvirt/qemu"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!pidFileAlive(Path.of("/run/virtlogd.pid"))) {
      exec("virtlogd", "-d");
    }
    if (!pidFileAlive(Path.of("/run/libvirtd.pid"))) {
      exec("libvirtd", "-d");
    }
    long deadline = System.nanoTime() + DAEMON_START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (libvirtdAnswers()) {
        return;
      }
      sleep(Duration.ofMillis(300));
    }
    Result last = tryVirsh("-c", QEMU_URI, "version");
    throw new IllegalStateException(
        "libvirtd does not answer on "
            + QEMU_URI
            + " after "
            + DAEMON_START_TIMEOUT.toSeconds()
            + " s: "
            + last.stderr().strip()
            + " (see /var/log/libvirt/libvirtd.log)");
  }

  private static boolean pidFileAlive(Path pidFile) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * {@code virsh -c uri domstats --raw domain} as a map in virsh's order, e.g. {@code
   * block.0.rd.bytes -> 512}, {@code net.0.tx.pkts -> 3}, {@code state.state -> 1}.
   */
  public static Map<String, String> domstats(String uri, String domain) {
    return parseDomstats(virsh("-c", uri, "domstats", "--raw", domain));
  }

  /** Parses the output of {@code virsh domstats --raw} for one domain. */
  public static Map<String, String> parseDomstats(String output) {
    Map<String, String> stats = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.isEmpty() || l.startsWith("Domain:") || eq <= 0) {
        continue;
      }
      stats.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return stats;
  }

  /** A domstats value as a long, 0 when absent. */
  public static long statLong(Map<String, String> stats, String key) {
    String v = stats.get(key);
    return v == null ? 0L : Long.parseLong(v);
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
