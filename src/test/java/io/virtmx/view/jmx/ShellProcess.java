/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@link io.virtmx.itclient.JmxShell} in its own JVM whose class path holds nothing but the
 * JmxShell classes, so whatever it reads, invokes and receives needs no virtmx class; {@link #send}
 * answers its one-line reply.
 */
public final class ShellProcess implements AutoCloseable {
  private final Process process;
  private final PrintWriter in;
  private final BufferedReader out;

  public ShellProcess(Path workDir, String... jvmOptions) throws IOException {
    Path classes = workDir.resolve("client-classpath");
    Path pkg = classes.resolve("io/virtmx/itclient");
    Files.createDirectories(pkg);
    Path compiled = Path.of("target/test-classes/io/virtmx/itclient");
    try (Stream<Path> files = Files.list(compiled)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("JmxShell")).toList()) {
        Files.copy(
            f, pkg.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", classes.toString(), "io.virtmx.itclient.JmxShell"));
    process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Sends one tab-separated command and returns the reply line ("OK …" or "ERR …"). */
  public String send(String... command) {
    in.println(String.join("\t", command));
    try {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("JmxShell exited");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a command that must succeed; returns the value after "OK ". */
  public String ok(String... command) {
    String reply = send(command);
    if (!reply.startsWith("OK")) {
      throw new AssertionError(String.join(" ", command) + " failed: " + reply);
    }
    return reply.length() > 3 ? reply.substring(3) : "";
  }

  @Override
  public void close() {
    in.println("quit");
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
