/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a domain's guest agent told about the inside of the guest at {@code sampled}: whether the
 * agent answered, its OS, hostname, timezone, number of logged-in users, file systems, and the
 * addresses of its interfaces (from the agent, else DHCP leases, else ARP). {@link #UNKNOWN} for a
 * domain not asked yet (or not running); a domain whose agent did not answer in time keeps only
 * the addresses the host knew, with {@code agent} {@link Agent#DOWN}.
 */
public record GuestInsight(
    Agent agent,
    Instant sampled,
    GuestOs os,
    String hostname,
    String timezone,
    long users,
    List<GuestFilesystem> filesystems,
    List<GuestInterface> interfaces) {

  /** Whether the guest agent answered the last time it was asked. */
  public enum Agent {
    /** Not asked: the domain is not running or the guest collection has not reached it. */
    UNKNOWN,
    /** Answered within the timeout. */
    UP,
    /** Did not answer, answered with an error, or is not configured. */
    DOWN
  }

  public static final GuestInsight UNKNOWN =
      new GuestInsight(
          Agent.UNKNOWN, Instant.EPOCH, GuestOs.UNKNOWN, "", "", Values.UNKNOWN, List.of(), List.of());

  public GuestInsight {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(sampled, "sampled");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(timezone, "timezone");
    filesystems = List.copyOf(filesystems);
    interfaces = List.copyOf(interfaces);
  }

  /** Insight of a guest whose agent did not answer: only the host-side addresses, if any. */
  public static GuestInsight agentDown(Instant sampled, List<GuestInterface> interfaces) {
    return new GuestInsight(
        Agent.DOWN, sampled, GuestOs.UNKNOWN, "", "", Values.UNKNOWN, List.of(), interfaces);
  }

  public boolean agentUp() {
    return agent == Agent.UP;
  }
}
