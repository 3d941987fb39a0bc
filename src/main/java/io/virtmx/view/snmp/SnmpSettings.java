/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and to whom the SNMP agent answers: its UDP address, USM users, communities, notification
 * receivers with their community or USM user (null: SNMPv2c with the community), and the directory
 * that keeps its engine ID and boot counter (null: a new engine ID on every start).
 */
public record SnmpSettings(
    InetAddress bind,
    int port,
    List<SnmpUser> users,
    List<Community> communities,
    List<NotifyTarget> targets,
    String notifyCommunity,
    String notifyUser,
    Path stateDirectory) {

  /** The largest request datagram read; longer ones are dropped unread. */
  public static final int MAX_REQUEST_BYTES = 4096;

  /** The most repetitions a GETBULK gets, whatever it asks for. */
  public static final int MAX_REPETITIONS = 64;

  /** The most variable bindings a request may carry; more are answered with tooBig. */
  public static final int MAX_VARBINDS = 128;

  /** Threads that answer requests. */
  public static final int WORKERS = 2;

  public SnmpSettings {
    users = List.copyOf(users);
    communities = List.copyOf(communities);
    targets = List.copyOf(targets);
    if (users.isEmpty() && communities.isEmpty()) {
      throw new IllegalArgumentException(
          "the SNMP view needs --snmp-users FILE or --snmp-community NAME:ROLE");
    }
    if (notifyUser != null && users.stream().noneMatch(u -> u.name().equals(notifyUser))) {
      throw new IllegalArgumentException(
          "--snmp-notify-user " + notifyUser + " is not a user of --snmp-users");
    }
  }
}
