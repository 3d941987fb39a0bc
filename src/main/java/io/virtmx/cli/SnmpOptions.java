/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.Agent;
import io.virtmx.view.snmp.Community;
import io.virtmx.view.snmp.NotifyTarget;
import io.virtmx.view.snmp.SnmpSettings;
import io.virtmx.view.snmp.SnmpUser;
import io.virtmx.view.snmp.SnmpUsersFile;
import io.virtmx.view.snmp.SnmpView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The SNMP view's options: its switch, UDP address, USM users, communities and receivers. */
public final class SnmpOptions {
  static final int DEFAULT_PORT = 1161;

  @Option(
      names = "--snmp",
      negatable = true,
      fallbackValue = "true",
      description =
          "Serve SNMP (LIBVIRT-MIB as libvirt-snmp does, and the IETF VM-MIB of RFC 7666) over UDP "
              + "(default: off).")
  boolean enabled;

  @Option(
      names = "--snmp-port",
      paramLabel = "PORT",
      description = "UDP port of the SNMP agent (default: " + DEFAULT_PORT + "; 161 is snmpd's).")
  Integer port;

  @Option(
      names = "--snmp-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address the SNMP agent listens on (default: ${DEFAULT-VALUE}); a non-loopback one "
              + "needs --snmp-users and refuses communities without --snmp-allow-community.")
  String bind;

  @Option(
      names = "--snmp-users",
      paramLabel = "FILE",
      description =
          "SNMPv3 users, one a line: NAME ROLE AUTH-PASSPHRASE PRIV-PASSPHRASE (role viewer or "
              + "operator; SHA-256 authentication, AES-128 privacy); refused if others may read it.")
  Path users;

  @Option(
      names = "--snmp-community",
      paramLabel = "NAME:ROLE",
      description =
          "Accept SNMPv1/v2c requests with this community, with role viewer or operator "
              + "(repeatable; none by default).")
  List<String> communities = new ArrayList<>();

  @Option(
      names = "--snmp-allow-community",
      description = "Accept communities on a non-loopback --snmp-bind (they travel in clear).")
  boolean allowCommunity;

  @Option(
      names = "--snmp-notify",
      paramLabel = "udp:HOST:PORT",
      description =
          "Send traps on domain lifecycle events to this receiver (repeatable): SNMPv2c with "
              + "--snmp-notify-community, or SNMPv3 authPriv with --snmp-notify-user.")
  List<String> notify = new ArrayList<>();

  @Option(
      names = "--snmp-inform",
      description = "Send informs (acknowledged, retried) instead of traps to --snmp-notify.")
  boolean inform;

  @Option(
      names = "--snmp-notify-community",
      paramLabel = "NAME",
      defaultValue = "virtmx",
      description = "Community of the notifications sent (default: ${DEFAULT-VALUE}).")
  String notifyCommunity;

  @Option(
      names = "--snmp-notify-user",
      paramLabel = "NAME",
      description =
          "Send the notifications as SNMPv3 authPriv by this user of --snmp-users (its SHA-256 and "
              + "AES passphrases) instead of SNMPv2c; traps carry this agent's engine ID, informs are "
              + "sent to the receiver's.")
  String notifyUser;

  @Option(
      names = "--snmp-state-dir",
      paramLabel = "DIR",
      description =
          "Directory keeping the SNMP engine ID and boot counter across restarts (default: none, a "
              + "new engine ID each start).")
  Path stateDirectory;

  private static final List<String> OPTIONS =
      List.of(
          "--snmp-port",
          "--snmp-bind",
          "--snmp-users",
          "--snmp-community",
          "--snmp-allow-community",
          "--snmp-notify",
          "--snmp-inform",
          "--snmp-notify-community",
          "--snmp-notify-user",
          "--snmp-state-dir");

  /** The SNMP view, when asked for. */
  Optional<Planned> view(Agent agent, ParseResult given) {
    Listener.checkOff(given, "snmp", enabled, OPTIONS);
    if (!enabled) {
      return Optional.empty();
    }
    Listener l = Listener.of(given, "snmp", bind, port, DEFAULT_PORT, 1, Listener.TlsFiles.NONE);
    SnmpSettings settings = settings(l.address().getAddress(), l.address().getPort());
    return Optional.of(
        new Planned(
            new SnmpView(agent.snapshots(), agent.operations(), settings), "snmp", l.portGiven()));
  }

  SnmpSettings settings(InetAddress address, int udpPort) {
    List<SnmpUser> usm;
    try {
      usm = users == null ? List.of() : SnmpUsersFile.read(users);
    } catch (IOException e) {
      throw new UncheckedIOException("--snmp-users " + users + ": " + e.getMessage(), e);
    }
    List<Community> accepted = communities.stream().map(Community::parse).toList();
    if (!address.isLoopbackAddress()) {
      if (usm.isEmpty()) {
        throw new IllegalArgumentException(
            "--snmp-bind " + bind + " is not loopback: it needs --snmp-users (SNMPv3 authPriv)");
      }
      if (!accepted.isEmpty() && !allowCommunity) {
        throw new IllegalArgumentException(
            "--snmp-community on a non-loopback --snmp-bind needs --snmp-allow-community");
      }
    }
    List<NotifyTarget> targets = notify.stream().map(t -> NotifyTarget.parse(t, inform)).toList();
    return new SnmpSettings(
        address, udpPort, usm, accepted, targets, notifyCommunity, notifyUser, stateDirectory);
  }
}
