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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The agent as users run it: {@code java -jar target/virtmx.jar …} in its own process, its log
 * (stderr) captured in a file that tests can wait on. The jar path comes from Failsafe's {@code
 * virtmx.jar} system property.
 */
public final class AgentProcess implements AutoCloseable {
  /** How long an agent may take to start its views on a loaded test machine. */
  public static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final Path out;

  private AgentProcess(Process process, Path log, Path out) {
    this.process = process;
    this.log = log;
    this.out = out;
  }

  public static Path jar() {
    String jar = System.getProperty("virtmx.jar", "target/virtmx.jar");
    Path p = Path.of(jar);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "no agent jar at " + p.toAbsolutePath() + ": run 'mvn package' first");
    }
    return p;
  }

  public static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static Path noAuthConf;

  /** An empty libvirt auth.conf. */
  private static synchronized Path noAuthConf() throws IOException {
    if (noAuthConf == null) {
      noAuthConf = Files.createTempFile("virtmx-no-auth", ".conf");
      noAuthConf.toFile().deleteOnExit();
    }
    return noAuthConf;
  }

  /** Starts the agent in the background. */
  public static AgentProcess start(String... args) {
    try {
      Path log = Files.createTempFile("virtmx-agent", ".log");
      Path out = Files.createTempFile("virtmx-agent", ".out");
      ProcessBuilder pb =
          new ProcessBuilder(command(args))
              .redirectError(log.toFile())
              .redirectOutput(out.toFile());
      // libvirt's client library prefers an auth.conf over the agent's own --credentials; the
      // test bed writes one for the host's libvirtd (migration over TCP), which the agent must not
      // use: it answers logins from what its options say, right or wrong
      pb.environment().put("LIBVIRT_AUTH_FILE", noAuthConf().toString());
      Process p = pb.start();
      return new AgentProcess(p, log, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the agent to completion (for --once, user add…); at most {@code timeout}. */
  public static TestBed.Result run(Duration timeout, String... args) {
    return TestBed.run(timeout, command(args));
  }

  /**
   * Starts the agent and waits for its started line (60 s at most); stops it again if it does not
   * get there, so a failing start leaves no process behind.
   */
  public static AgentProcess started(String... args) {
    return started(List.of(args));
  }

  public static AgentProcess started(List<String> args) {
    AgentProcess agent = start(args.toArray(String[]::new));
    try {
      return agent.awaitStarted(STARTUP);
    } catch (RuntimeException | AssertionError e) {
      agent.close();
      throw e;
    }
  }

  /** A port free on loopback right now, for a view under test. */
  public static int freePort() {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the agent has started every view (it logs "virtmx started" after the last one), so
   * a port that accepts connections also serves (an RMI registry opens before its connector binds).
   */
  public AgentProcess awaitStarted(Duration timeout) {
    awaitLog("virtmx started", 0, timeout);
    return this;
  }

  /**
   * GETs {@code url} until the body satisfies {@code ready}; fails with the agent's log as soon as
   * it exits.
   */
  public String awaitPage(
      String url, java.util.function.Predicate<String> ready, Duration timeout) {
    return HttpGet.await(url, ready, timeout, this::requireAlive);
  }

  private void requireAlive() {
    if (!process.isAlive()) {
      throw new AssertionError("agent exited (" + process.exitValue() + "):\n" + log());
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the log has a line matching {@code regex} after character offset {@code from};
   * returns its end.
   */
  public int awaitLog(String regex, int from, Duration timeout) {
    Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = log();
      var m = pattern.matcher(text);
      if (from <= text.length() && m.find(from)) {
        return m.end();
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "agent exited (" + process.exitValue() + ") before logging /" + regex + "/:\n" + text);
      }
      TestBed.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("no log line /" + regex + "/ within " + timeout + ":\n" + log());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    TestBed.deleteQuietly(log);
    TestBed.deleteQuietly(out);
  }
}
