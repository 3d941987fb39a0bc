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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test runs beside the agent (prometheus-libvirt-exporter, Prometheus…) with its output
 * and errors in one log file; closing it stops it (TERM, then KILL after 10 s).
 */
public final class Background implements AutoCloseable {
  private final Process process;
  private final Path log;

  private Background(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static Background start(Path log, String... command) {
    return start(log, List.of(command));
  }

  public static Background start(Path log, List<String> command) {
    try {
      return new Background(
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start(),
          log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * GETs {@code url} until the body satisfies {@code ready}; fails with the process' log as soon as
   * it exits.
   */
  public String awaitPage(
      String url, java.util.function.Predicate<String> ready, Duration timeout) {
    return HttpGet.await(url, ready, timeout, this::requireAlive);
  }

  private void requireAlive() {
    if (!process.isAlive()) {
      throw new AssertionError(
          "process "
              + process.info().command().orElse("?")
              + " exited ("
              + process.exitValue()
              + "):\n"
              + log());
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  public int exitValue() {
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
  }
}
