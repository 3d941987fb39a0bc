/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.itsupport;

import io.virtmx.testbed.AgentProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent command line as the ITs write it: what it watches and how often, the views it serves
 * (only those named: the metrics and Jolokia views, on by default, are turned off unless named) and
 * the users file; {@link #started()} and {@link #start()} run it through {@link AgentProcess}.
 */
public final class AgentArgs {
  private final List<String> args = new ArrayList<>();
  private boolean metrics;
  private boolean jolokia;

  private AgentArgs(String uri, String interval) {
    add("--connect", uri, "--interval", interval);
  }

  /** Watching {@code uri} ("test:///default", "name=uri"…), polling every {@code interval}. */
  public static AgentArgs watching(String uri, String interval) {
    return new AgentArgs(uri, interval);
  }

  public AgentArgs users(Path file) {
    return add("--users", file.toString());
  }

  public AgentArgs metrics(int port) {
    metrics = true;
    return add("--metrics-port", String.valueOf(port));
  }

  public AgentArgs jolokia(int port) {
    jolokia = true;
    return add("--jolokia-port", String.valueOf(port));
  }

  public AgentArgs jmx(int port) {
    return add("--jmx-port", String.valueOf(port));
  }

  public AgentArgs cim(int port) {
    return add("--cim", "--cim-port", String.valueOf(port));
  }

  /** Any other options, as given. */
  public AgentArgs add(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  /** The options, with {@code --no-metrics}/{@code --no-jolokia} for the views not named. */
  public List<String> list() {
    List<String> all = new ArrayList<>(args);
    if (!metrics) {
      all.add("--no-metrics");
    }
    if (!jolokia) {
      all.add("--no-jolokia");
    }
    return all;
  }

  /** Starts the agent and waits until it has started every view. */
  public AgentProcess started() {
    return AgentProcess.started(list());
  }

  /** Starts the agent in the background, without waiting. */
  public AgentProcess start() {
    return AgentProcess.start(list().toArray(String[]::new));
  }
}
