/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A receiver of the agent's SNMPv2c notifications: {@code udp:HOST:PORT}, traps or informs. */
public record NotifyTarget(InetAddress address, int port, boolean inform) {

  /** Parses {@code udp:HOST:PORT} (or {@code HOST:PORT}); {@code inform} asks for informs. */
  public static NotifyTarget parse(String text, boolean inform) {
    String rest = text.startsWith("udp:") ? text.substring(4) : text;
    int colon = rest.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--snmp-notify " + text + ": expected udp:HOST:PORT");
    }
    String host = rest.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(rest.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--snmp-notify " + text + ": bad port");
    }
    try {
      return new NotifyTarget(InetAddress.getByName(host), port, inform);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--snmp-notify " + text + ": unknown host");
    }
  }

  @Override
  public String toString() {
    return (inform ? "inform " : "trap ") + address.getHostAddress() + ":" + port;
  }
}
