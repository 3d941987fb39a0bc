/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.itsupport;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.QemuDomains;
import io.virtmx.testbed.TestBed;
import io.virtmx.testbed.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * One real QEMU domain on qemu:///system watched by the agent jar with users alice (operator,
 * "alice-secret") and bob (viewer, "bob-secret") and one view on a free port; the poll interval is
 * 60 s, so every change a test sees comes from events. Closing stops the agent and the domain and
 * deletes the work directory.
 */
public final class WatchedDomain implements AutoCloseable {
  private final Path dir;
  private QemuDomains vms;
  private AgentProcess agent;
  private int port;

  private WatchedDomain(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts the domain and the agent serving the view that {@code view} adds on the port given, e.g.
   * {@code AgentArgs::jmx}; waits until the agent has started its views.
   */
  public static WatchedDomain start(
      String dirPrefix, BiFunction<AgentArgs, Integer, AgentArgs> view) throws IOException {
    TestBed.ensureLibvirtd();
    WatchedDomain bed = new WatchedDomain(Files.createTempDirectory(dirPrefix));
    try {
      Path users = bed.dir.resolve("users");
      TestUsers.operator("alice", "alice-secret").andViewer("bob", "bob-secret").save(users);
      bed.vms = QemuDomains.start(1);
      bed.port = AgentProcess.freePort();
      bed.agent =
          view.apply(AgentArgs.watching(TestBed.QEMU_URI, "60s").users(users), bed.port).started();
      return bed;
    } catch (RuntimeException | Error e) {
      bed.close();
      throw e;
    }
  }

  /** The work directory (users file, scratch files). */
  public Path dir() {
    return dir;
  }

  /** The domain's name. */
  public String vm() {
    return vms.names().get(0);
  }

  /** The view's port. */
  public int port() {
    return port;
  }

  public AgentProcess agent() {
    return agent;
  }

  @Override
  public void close() {
    if (agent != null) {
      agent.close();
    }
    if (vms != null) {
      vms.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover temporary directory harms nobody
    }
  }
}
